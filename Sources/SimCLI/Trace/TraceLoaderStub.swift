import SimModels

/// Loads the trace that `spec` names.
///
/// NOTE: a stub until the trace loader lands; it rejects every trace.
func loadTrace(_ spec: TraceFileSpec, relativeTo scenarioPath: String) throws -> TraceSpec {
    throw InputError("traces are not supported yet")
}
