import SimCLI
