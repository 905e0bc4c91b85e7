#include "detail/writer_thread.h"

#include <system_error>
#include <utility>

namespace galley::cli {

WriterThread::WriterThread(size_t limit) : limit_(limit > 0 ? limit : 1), wake_at_((limit_ + 1) / 2) {
  try {
    thread_ = std::thread([this] { work(); });
  } catch (const std::system_error&) {  // no thread to spare: the caller writes
  }
}

WriterThread::~WriterThread() {
  if (!running()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WriterThread::submit(std::function<void()> task) {
  bool wake = false;
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < limit_; });
    queue_.push_back(std::move(task));
    // A busy thread takes the next task itself; only an idle one waits for
    // a wake-up, and the queue reaches wake_at_ before it is full.
    wake = queue_.size() >= wake_at_;
  }
  if (wake) changed_.notify_all();
}

void WriterThread::drain() {
  changed_.notify_all();  // fewer than wake_at_ tasks may be waiting unseen
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.empty() && !busy_; });
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void WriterThread::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      // Queued tasks still run when stopping: what they write is awaited.
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    changed_.notify_all();
    std::exception_ptr failure;
    try {
      task();
    } catch (...) {  // thrown where the caller waits, as if it had run the task
      failure = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
      if (failure && !failure_) failure_ = failure;
    }
    changed_.notify_all();
  }
}

}  // namespace galley::cli
