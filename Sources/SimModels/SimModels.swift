import ScaleSim
