#include "server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "e2e/harness.h"

extern char** environ;

namespace serve_test {

Server::Server(const std::vector<std::string>& args) {
  log_path_ = e2e::temp_dir() + "/serve.log";
  std::vector<std::string> argv{GALLEY_BINARY, "serve"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("--port");
  argv.push_back("0");
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  if (posix_spawn(&pid_, GALLEY_BINARY, &actions, nullptr, raw.data(), environ) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&actions);
  // Startup loads and builds every template: under a sanitizer that takes
  // seconds, so the wait is generous; it ends as soon as the line appears.
  static const std::regex ready(R"(serving \d+ templates? on http://[^:]+:(\d+)/)");
  for (int i = 0; i < 1200 && pid_ > 0; ++i) {
    std::smatch m;
    const std::string text = log();
    if (std::regex_search(text, m, ready)) {
      port_ = std::stoi(m[1]);
      break;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Server::~Server() { stop(); }

std::unique_ptr<httplib::Client> Server::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
  c->set_read_timeout(60, 0);
  return c;
}

int Server::stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 600; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

std::string Server::log() const { return e2e::read_file(log_path_); }

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string read_all(int fd, double seconds) {
  std::string out;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
  char buf[65536];
  while (std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

void write_template(const std::string& dir) {
  e2e::write_minimal_pair(dir, "    - qr: \"{{link}}\"\n");
  std::string content = e2e::read_file(dir + "/content.yaml");
  content.replace(content.find("variables: {recipient: Someone}"), 31,
                  "variables: {recipient: Someone, link: \"https://example.org\"}");
  e2e::write_file(dir + "/content.yaml", content);
  // A template reads nothing outside its folder unless told: the fonts come
  // along.
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  e2e::sh("mkdir -p " + e2e::quote(dir + "/fonts") + " && cp " + e2e::quote(fonts + "/NotoSerif-Regular.ttf") + " " +
          e2e::quote(fonts + "/NotoSerif-Bold.ttf") + " " + e2e::quote(dir + "/fonts/"));
  std::string layout = e2e::read_file(dir + "/layout.yaml");
  for (size_t at; (at = layout.find(fonts)) != std::string::npos;) layout.replace(at, fonts.size(), "fonts");
  e2e::write_file(dir + "/layout.yaml", layout);
}

}  // namespace serve_test
