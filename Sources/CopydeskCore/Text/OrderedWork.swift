import Dispatch
import Foundation

/// Runs `count` pieces of work on every core and hands their results to the
/// calling thread in index order, each as soon as it and every one before
/// it are done: a run over an archive can write file 1's report while file
/// 500 is being linted, and holds only the results waiting their turn.
///
/// Workers take indices in increasing order, so the piece the caller waits
/// for has always been started; a worker that finishes more than `window`
/// places ahead of the caller waits for it, which bounds what is held when
/// one early piece is slow.
package enum OrderedWork {
    package static func run<Value: Sendable>(count: Int, window: Int = 64,
                                             workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                             _ work: @escaping @Sendable (Int) -> Value,
                                             receive: (Int, consuming Value) -> Void) {
        guard count > 0 else { return }
        if count == 1 {
            receive(0, work(0))
            return
        }
        let queue = Queue<Value>(count: count, window: max(window, 1))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                while let index = queue.claim() { queue.deposit(index, work(index)) }
            }
        }
        for index in 0..<count { receive(index, queue.take(index)) }
        group.wait()
    }

    private final class Queue<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private var done: [Int: Value] = [:]
        private var nextToClaim = 0
        private var nextToTake = 0
        private let count: Int
        private let window: Int

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
        }

        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard nextToClaim < count else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }

        func deposit(_ index: Int, _ value: Value) {
            condition.lock()
            // The piece at `nextToTake` was claimed before this one and is
            // never held back here, so the caller always gets it.
            while index - nextToTake >= window { condition.wait() }
            done[index] = value
            condition.broadcast()
            condition.unlock()
        }

        func take(_ index: Int) -> Value {
            condition.lock()
            defer { condition.unlock() }
            while done[index] == nil { condition.wait() }
            nextToTake = index + 1
            condition.broadcast()
            return done.removeValue(forKey: index)!
        }
    }
}
