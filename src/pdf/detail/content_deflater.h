// pdf/ internal: a page's content deflated on a thread of its own while the
// writer paints the next page. A long document written behind layout has
// the writer's thread as its critical path, and deflating is about a
// quarter of that thread's work; it depends on nothing but the page's
// operators. One page at a time: the writer takes each page's bytes back
// before it starts the next, and writes them into the file in order.
#pragma once
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace galley::pdf {

class ContentDeflater {
 public:
  ContentDeflater();
  ~ContentDeflater();
  ContentDeflater(const ContentDeflater&) = delete;
  ContentDeflater& operator=(const ContentDeflater&) = delete;

  // False when no thread could be started (the writer deflates itself).
  bool running() const { return thread_.joinable(); }
  // Starts deflating a page's operators (hpdf::Writer::deflate_content),
  // which the caller keeps until take(); the bytes of the one before must
  // have been taken.
  void start(std::string_view ops);
  // The last start()'s deflated bytes, once they are ready, copied out on
  // the caller's thread: the deflating thread allocates nothing, as malloc's
  // one arena (M_ARENA_MAX 1) is shared with layout and the writer. nullopt
  // when deflating failed; empty operators give empty bytes.
  std::optional<std::string> take();

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::string_view in_;
  std::string out_;   // the deflating thread's, reused
  size_t length_ = 0;  // of out_'s bytes, 0 when deflating failed
  bool queued_ = false, done_ = false, stopping_ = false;
  std::thread thread_;  // last: started once the rest is made
};

}  // namespace galley::pdf
