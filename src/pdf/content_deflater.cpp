#include "detail/content_deflater.h"

#include <system_error>
#include <utility>

#include "detail/hpdf_objects.h"

namespace galley::pdf {

ContentDeflater::ContentDeflater() {
  try {
    thread_ = std::thread([this] { work(); });
  } catch (const std::system_error&) {  // no thread to spare
  }
}

ContentDeflater::~ContentDeflater() {
  if (!running()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ContentDeflater::start(std::string_view ops) {
  {
    std::lock_guard lock(mutex_);
    in_ = ops;
    queued_ = true;
    done_ = false;
  }
  changed_.notify_all();
}

std::optional<std::string> ContentDeflater::take() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return done_; });
  done_ = false;
  if (in_.empty()) return std::string();
  if (length_ == 0) return std::nullopt;
  return std::string(out_.data(), length_);
}

void ContentDeflater::work() {
  for (;;) {
    std::string_view ops;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || queued_; });
      if (!queued_) return;
      queued_ = false;
      ops = in_;
    }
    const size_t length = ops.empty() ? 0 : hpdf::Writer::deflate_content(ops, out_);
    {
      std::lock_guard lock(mutex_);
      length_ = length;
      done_ = true;
    }
    changed_.notify_all();
  }
}

}  // namespace galley::pdf
