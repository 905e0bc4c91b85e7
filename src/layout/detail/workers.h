// Threads that measure blocks ahead of the paginator (measure.h). The
// paginator stays on the calling thread; a task only ever computes a
// block's measurement, which is a function of the block and its column, so
// what a worker finds is what the paginator would have found itself.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace galley::layout {

class Workers {
 public:
  // `threads` workers; none makes submit() run nothing ahead (see there).
  explicit Workers(int threads);
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  int size() const { return static_cast<int>(threads_.size()); }
  // Runs `task` on a worker, in submission order. The future is ready once
  // it has run.
  std::future<void> submit(std::function<void()> task);

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace galley::layout
