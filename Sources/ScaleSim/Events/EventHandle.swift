/// A reference to a scheduled event, used to cancel it before it fires.
///
/// A handle stays safe after its event fired or was cancelled: the generation it carries no
/// longer matches, so cancelling it again does nothing.
public struct EventHandle: Hashable, Sendable {
    @usableFromInline let slot: Int32
    @usableFromInline let generation: UInt32

    @inlinable
    init(slot: Int32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}
