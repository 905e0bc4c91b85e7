// The connection layer under cpp-httplib's request handling: a bounded
// pool of workers, and a socket stream whose reads share one deadline per
// request, so a client sending a byte a second is cut off after
// --read-timeout instead of holding a worker for hours (httplib's own
// stream times out each read, not the request). HTTP parsing stays in
// httplib (Server::process_request).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

#include "limits.h"

namespace galley::serve {

using Clock = std::chrono::steady_clock;

// When this request's headers began to arrive (for the access log and the
// deadline): requests are handled on the thread that read them.
Clock::time_point request_started();

// Workers for accepted connections. Beyond `pending` waiting connections a
// new one is answered 503 at once on the accepting thread and closed.
class WorkerPool : public httplib::TaskQueue {
 public:
  WorkerPool(int workers, int pending, std::function<void()> on_shed);
  ~WorkerPool() override;
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;
  // Connections waiting for a worker: an idle kept-alive connection gives
  // its worker up when there are any.
  size_t waiting() const;

 private:
  void work();
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t pending_;
  bool stopping_ = false;
  std::function<void()> on_shed_;
};

class Server : public httplib::Server {
 public:
  Server(const Limits& limits, std::function<void()> on_shed);

  // Stops accepting; connections finish their current request and close.
  void drain() { stop(); }
  // httplib listens with a backlog of 5; a burst of connections needs more.
  void widen_backlog(int n);

 private:
  // Replaces httplib's per-connection loop (keep-alive, timeouts).
  bool process_and_close_socket(socket_t sock) override;

  bool stopping() const { return svr_sock_ == INVALID_SOCKET; }

  Limits limits_;
  std::atomic<WorkerPool*> pool_{nullptr};
};

}  // namespace galley::serve
