// Clients that are broken or mean: each is answered or dropped as
// docs/serve.md says, and the server keeps serving the others.
#include <doctest/doctest.h>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "e2e/harness.h"
#include "server.h"

using serve_test::connect_to;
using serve_test::read_all;
using serve_test::send_all;
using serve_test::Server;

namespace {

Server& target() {
  static std::string dir = [] {
    std::string d = e2e::temp_dir();
    serve_test::write_template(d);
    return d;
  }();
  static Server server({dir + "/content.yaml", "--read-timeout", "2", "--workers", "16", "--pending", "64"});
  return server;
}

bool still_serving() {
  auto c = target().client();
  auto health = c->Get("/health");
  auto pdf = c->Post("/v1/templates/content/pdf", R"({"recipient":"Still Here"})", "application/json");
  return health && health->status == 200 && pdf && pdf->status == 200;
}

std::string post(const std::string& type, const std::string& body) {
  return "POST /v1/templates/content/pdf HTTP/1.1\r\nHost: x\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

int status_of(const std::string& answer) {
  return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(answer.c_str() + 9) : 0;
}

}  // namespace

TEST_CASE("serve hostile: a 10 MB body is refused with 413 before it is read") {
  REQUIRE(target().up());
  int fd = connect_to(target().port());
  REQUIRE(fd >= 0);
  const std::string head = "POST /v1/templates/content/pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Content-Length: 10485760\r\n\r\n";
  send_all(fd, head);
  // The server may answer and close while the body is still being sent.
  send_all(fd, std::string(1 << 20, 'a'));
  CHECK(status_of(read_all(fd, 10)) == 413);
  ::close(fd);
  CHECK(still_serving());
}

TEST_CASE("serve hostile: a chunked body, which would escape the size limit, is refused with 411") {
  REQUIRE(target().up());
  int fd = connect_to(target().port());
  REQUIRE(fd >= 0);
  send_all(fd, "POST /v1/templates/content/pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
  // The server answers and closes without reading: the sending stops early.
  bool open = true;
  for (int i = 0; i < 1600 && open; ++i) open = send_all(fd, chunk);
  CHECK(!open);
  ::close(fd);
  // A short one, whose answer is not lost to the reset of unread data.
  fd = connect_to(target().port());
  send_all(fd, "POST /v1/templates/content/pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  CHECK(status_of(read_all(fd, 10)) == 411);
  ::close(fd);
  CHECK(still_serving());
}

TEST_CASE("serve hostile: 1,000 variables and a 1 MB variable") {
  REQUIRE(target().up());
  std::string many = "{";
  for (int i = 0; i < 1000; ++i) many += (i ? "," : "") + std::string("\"v") + std::to_string(i) + "\":\"x\"";
  many += "}";
  int fd = connect_to(target().port());
  send_all(fd, post("application/json", many));
  CHECK(status_of(read_all(fd, 10)) == 422);
  ::close(fd);

  fd = connect_to(target().port());
  send_all(fd, post("application/json", "{\"recipient\":\"" + std::string(1 << 20, 'a') + "\"}"));
  CHECK(status_of(read_all(fd, 10)) == 413);
  ::close(fd);
  CHECK(still_serving());
}

TEST_CASE("serve hostile: deeply nested JSON, NUL bytes and garbage") {
  REQUIRE(target().up());
  for (const std::string& body : {std::string(30000, '[') + std::string(30000, ']'), std::string("{\"a\0\":1}", 9),
                                  std::string("\x00\x01\x02garbage", 10)}) {
    int fd = connect_to(target().port());
    send_all(fd, post("application/json", body));
    const int status = status_of(read_all(fd, 10));
    CHECK((status == 400 || status == 422));
    ::close(fd);
  }
  int fd = connect_to(target().port());
  send_all(fd, "NOT HTTP AT ALL\r\n\r\n");
  const int status = status_of(read_all(fd, 10));
  CHECK((status == 400 || status == 0));
  ::close(fd);
  CHECK(still_serving());
}

TEST_CASE("serve hostile: path-like template ids are 404") {
  REQUIRE(target().up());
  auto c = target().client();
  for (const char* path : {"/v1/templates/../../etc/passwd/pdf", "/v1/templates/..%2F..%2Fetc%2Fpasswd/pdf",
                           "/v1/templates/%2e%2e/pdf", "/v1/templates/content%00/pdf", "/v1/templates//pdf"}) {
    auto res = c->Post(path, "{}", "application/json");
    REQUIRE(res);
    CHECK(res->status == 404);
  }
  auto res = c->Get("/t/..%2F..%2Fcontent");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(still_serving());
}

TEST_CASE("serve hostile: a client sending a byte a second is cut off at the read timeout") {
  REQUIRE(target().up());
  int fd = connect_to(target().port());
  REQUIRE(fd >= 0);
  const std::string request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(100, 'a') + "\r\n\r\n";
  // While it dribbles, others are served.
  bool others_served = true;
  bool closed = false;
  for (size_t i = 0; i < request.size() && !closed; ++i) {
    closed = !send_all(fd, request.substr(i, 1));
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 250) > 0) {
      char buf[256];
      closed = ::recv(fd, buf, sizeof buf, 0) <= 0 || closed;
    }
    if (i % 4 == 0) others_served = others_served && still_serving();
    // --read-timeout is 2 s: 12 s of dribbling is far past it.
    if (i > 48) break;
  }
  CHECK(closed);
  CHECK(others_served);
  ::close(fd);
}

TEST_CASE("serve hostile: a client that disconnects mid-response") {
  REQUIRE(target().up());
  for (int i = 0; i < 5; ++i) {
    int fd = connect_to(target().port());
    send_all(fd, post("application/json", R"({"recipient":"Gone"})"));
    char buf[100];
    (void)!::recv(fd, buf, sizeof buf, 0);
    ::close(fd);
  }
  CHECK(still_serving());
}

TEST_CASE("serve hostile: 500 connections at once are each answered or refused, and serving goes on") {
  REQUIRE(target().up());
  std::vector<int> fds;
  for (int i = 0; i < 500; ++i) {
    int fd = connect_to(target().port());
    if (fd >= 0) fds.push_back(fd);
  }
  CHECK(fds.size() == 500);
  for (int fd : fds) send_all(fd, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  int ok = 0, refused = 0;
  for (int fd : fds) {
    const int status = status_of(read_all(fd, 30));
    ok += status == 200;
    refused += status == 503;
    ::close(fd);
  }
  CHECK(ok >= 16);
  CHECK(ok + refused == 500);
  CHECK(still_serving());
}
