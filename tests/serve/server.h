// Starts `galley serve` on a free loopback port for a test and stops it
// with SIGTERM at the end.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

namespace serve_test {

class Server {
 public:
  // `args` follow `galley serve`; --port 0 is added.
  explicit Server(const std::vector<std::string>& args);
  ~Server();
  bool up() const { return port_ > 0; }
  int port() const { return port_; }
  int pid() const { return pid_; }
  std::unique_ptr<httplib::Client> client() const;
  // SIGTERM, then the exit code (-1 if it did not exit by itself in 30 s).
  int stop();
  std::string log() const;  // stderr so far

 private:
  int pid_ = -1, port_ = -1;
  std::string log_path_;
};

// A raw loopback connection, for clients no HTTP library would be.
int connect_to(int port);
// Sends all of `bytes`; false if the server closed the connection first.
bool send_all(int fd, const std::string& bytes);
// Reads until the server closes or `seconds` pass.
std::string read_all(int fd, double seconds);

// Content and layout (content.yaml, layout.yaml) in `dir` whose variable
// `recipient` is printed and `link` is a QR code; the fonts are copied to
// `dir`/fonts, so everything is inside `dir`.
void write_template(const std::string& dir);

}  // namespace serve_test
