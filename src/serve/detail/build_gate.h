// Admission to the builds: at most `slots` documents are built at once,
// at most `queue` requests wait for a slot, and none waits past its
// deadline.
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace galley::serve {

class BuildGate {
 public:
  using Clock = std::chrono::steady_clock;
  BuildGate(int slots, int queue) : free_(slots), queue_(queue) {}

  enum class Entry { Admitted, Busy, Late };
  Entry enter(Clock::time_point deadline);
  void leave();

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int free_, queue_, waiting_ = 0;
};

}  // namespace galley::serve
