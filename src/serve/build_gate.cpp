#include "detail/build_gate.h"

namespace galley::serve {

BuildGate::Entry BuildGate::enter(Clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (free_ > 0) {
    --free_;
    return Entry::Admitted;
  }
  if (waiting_ >= queue_) return Entry::Busy;
  ++waiting_;
  const bool got = cv_.wait_until(lock, deadline, [&] { return free_ > 0; });
  --waiting_;
  if (!got) return Entry::Late;
  --free_;
  return Entry::Admitted;
}

void BuildGate::leave() {
  {
    std::lock_guard lock(mutex_);
    ++free_;
  }
  cv_.notify_one();
}

}  // namespace galley::serve
