// One thread that runs tasks in the order they are handed to it: a long
// document's finished pages are preflighted and written into the PDF on it
// while the calling thread lays out the next ones. The same calls in the
// same order as on the calling thread, so the same bytes. At most `limit`
// tasks wait: past that, submit() waits for the thread, so the pages in
// flight (and the memory they hold) stay few however far layout runs ahead.
// An idle thread is woken once half that many wait, not for every task: the
// writer is faster than layout, and woken for each page it slept and woke
// again a thousand times in a 995-page report, each wake-up a system call
// on the laying-out thread and often a switch away from it.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace galley::cli {

class WriterThread {
 public:
  explicit WriterThread(size_t limit);
  ~WriterThread();  // runs what is queued, then joins
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;

  // False when no thread could be started: the caller runs the task itself.
  bool running() const { return thread_.joinable(); }
  void submit(std::function<void()> task);
  // Returns once every task submitted so far has run; rethrows the first
  // exception a task threw (the tasks after it still ran).
  void drain();

 private:
  void work();

  const size_t limit_;
  const size_t wake_at_;  // queued tasks that wake an idle thread
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;
  bool busy_ = false;  // a task taken from the queue is running
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace galley::cli
