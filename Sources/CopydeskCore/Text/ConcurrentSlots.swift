/// Results filled in by `DispatchQueue.concurrentPerform`: one slot per
/// iteration, each written once from whichever thread ran it, all read
/// after the loop. The slots are raw memory, so writers to different
/// slots never touch shared state (an Array's copy-on-write check would).
package final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    package init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Value?>.allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    package func set(_ index: Int, _ value: Value) {
        precondition(index >= 0 && index < count, "slot \(index) of \(count)")
        slots[index] = value
    }

    /// Every slot's value, in order; each must have been set.
    package var values: [Value] {
        (0..<count).map { index in
            guard let value = slots[index] else { preconditionFailure("slot \(index) was never set") }
            return value
        }
    }
}
