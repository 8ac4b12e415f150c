import ScaleSim

/// The ScaleSim version as printed by `simctl --version` and named in every output.
enum ScaleSimVersionText {
    static let current = ScaleSimVersion.current
}
