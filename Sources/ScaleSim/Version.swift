/// The ScaleSim release that every output names, so a result can be traced to the code behind it.
public enum ScaleSimVersion {
    public static let current = "0.1.0"
}
