#include "detail/connections.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace galley::serve {
namespace {

thread_local Clock::time_point t_request_started;
// Set while the accepting thread runs a connection it has no room for.
thread_local bool t_shed = false;

Clock::time_point after(double seconds) {
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// Waits for `events` on `fd` until `until`; false on timeout, error or hang-up
// without data.
bool wait_for(int fd, short events, Clock::time_point until) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) continue;
    return (p.revents & (events | POLLHUP)) != 0 && (p.revents & POLLNVAL) == 0;
  }
}

void address(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                      : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

// httplib reads a request's line and headers one byte per read() call: the
// bytes are received in blocks and handed out from `buffer_`, so a request
// costs a few system calls, not two per byte. Every receive still waits for
// data only until the read deadline.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int fd, double write_timeout) : fd_(fd), write_timeout_(write_timeout) {}
  void start_request(Clock::time_point read_deadline) { read_deadline_ = read_deadline; }
  // Bytes already received but not yet read (a pipelined request).
  bool buffered() const { return begin_ < end_; }

  bool is_readable() const override { return buffered() || wait_for(fd_, POLLIN, read_deadline_); }
  bool is_writable() const override { return wait_for(fd_, POLLOUT, after(write_timeout_)); }
  ssize_t read(char* ptr, size_t size) override {
    if (!buffered()) {
      if (!is_readable()) return -1;
      if (size >= buffer_.size()) return receive(ptr, size);
      const ssize_t n = receive(buffer_.data(), buffer_.size());
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_.data() + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    for (;;) {
      const ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(fd_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  ssize_t receive(char* ptr, size_t size) {
    for (;;) {
      const ssize_t n = ::recv(fd_, ptr, size, 0);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }

  int fd_;
  double write_timeout_;
  Clock::time_point read_deadline_ = Clock::now();
  std::array<char, 4096> buffer_{};
  size_t begin_ = 0;
  size_t end_ = 0;
};

// What a connection gets when there is no worker for it: best effort, never
// blocking the accepting thread.
void shed(int fd) {
  static const std::string answer = [] {
    const std::string body =
        R"({"type":"about:blank","title":"Service Unavailable","status":503,"detail":"too many connections"})" "\n";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
           "Connection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  char sink[4096];
  while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
  (void)!::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

}  // namespace

Clock::time_point request_started() { return t_request_started; }

WorkerPool::WorkerPool(int workers, int pending, std::function<void()> on_shed)
    : pending_(static_cast<size_t>(pending)), on_shed_(std::move(on_shed)) {
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    if (jobs_.size() < pending_) {
      jobs_.push_back(std::move(fn));
      cv_.notify_one();
      return;
    }
  }
  if (on_shed_) on_shed_();
  t_shed = true;
  fn();
  t_shed = false;
}

void WorkerPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

size_t WorkerPool::waiting() const {
  std::lock_guard lock(mutex_);
  return jobs_.size();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and every accepted connection served
      fn = std::move(jobs_.front());
      jobs_.pop_front();
    }
    fn();
  }
}

Server::Server(const Limits& limits, std::function<void()> on_shed) : limits_(limits) {
  new_task_queue = [this, on_shed] {
    auto* pool = new WorkerPool(limits_.workers, limits_.pending, on_shed);
    pool_ = pool;
    return pool;
  };
  set_payload_max_length(limits_.max_body);
  // Only for the Keep-Alive header httplib writes: the loop below enforces them.
  set_keep_alive_max_count(static_cast<size_t>(limits_.keep_alive_requests));
  set_keep_alive_timeout(static_cast<time_t>(limits_.idle_timeout));
}

void Server::widen_backlog(int n) { ::listen(svr_sock_, n); }

bool Server::process_and_close_socket(socket_t sock) {
  if (t_shed) {
    shed(sock);
  } else {
    DeadlineStream stream(sock, limits_.write_timeout);
    // The first request may take the read timeout to start; later ones
    // the idle timeout, cut short when other connections wait for a worker.
    bool first = true;
    for (int left = limits_.keep_alive_requests; left > 0 && !stopping(); --left) {
      const auto idle_until = after(first ? limits_.read_timeout : limits_.idle_timeout);
      bool ready = false;
      while (!ready && Clock::now() < idle_until && !stopping()) {
        ready = stream.buffered() || wait_for(sock, POLLIN, std::min(idle_until, after(0.05)));
        WorkerPool* pool = pool_;
        if (!ready && !first && pool && pool->waiting() > 0) break;
      }
      if (!ready) break;
      first = false;
      t_request_started = Clock::now();
      stream.start_request(after(limits_.read_timeout));
      bool closed = false;
      if (!process_request(stream, left == 1 || stopping(), closed, nullptr) || closed) break;
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

}  // namespace galley::serve
