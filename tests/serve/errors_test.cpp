// Every refusal of `galley serve`, each as application/problem+json.
#include <doctest/doctest.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "e2e/harness.h"
#include "server.h"

using serve_test::Server;

namespace {

// A small template whose `link` is a QR code, long enough to fail.
struct Fixture {
  std::string dir = e2e::temp_dir();
  Fixture() {
    serve_test::write_template(dir);
    e2e::write_file(dir + "/serve.yaml",
                    "templates:\n"
                    "  - id: card\n"
                    "    content: content.yaml\n"
                    "    slug: recipient\n"
                    "    variables:\n"
                    "      recipient: {label: Name, max_length: 40, pattern: \"[A-Za-z. ]*\"}\n"
                    "      link: {max_length: 9000}\n");
  }
};

Server& card() {
  static Fixture f;
  static Server server({"--config", f.dir + "/serve.yaml"});
  return server;
}

nlohmann::json problem(const httplib::Result& res, int status) {
  REQUIRE(res);
  CHECK(res->status == status);
  CHECK(res->get_header_value("Content-Type") == "application/problem+json");
  auto j = nlohmann::json::parse(res->body);
  CHECK(j["status"] == status);
  CHECK(j.contains("title"));
  CHECK(j.contains("detail"));
  return j;
}

const char* const kPdf = "/v1/templates/card/pdf";

}  // namespace

TEST_CASE("serve errors: an unknown template is 404") {
  REQUIRE(card().up());
  auto c = card().client();
  problem(c->Post("/v1/templates/nope/pdf", "{}", "application/json"), 404);
  problem(c->Get("/v1/templates/nope"), 404);
  problem(c->Get("/t/nope"), 404);
  problem(c->Get("/no/such/page"), 404);
}

TEST_CASE("serve errors: an unknown or invalid variable is 422 naming it") {
  REQUIRE(card().up());
  auto c = card().client();
  auto j = problem(c->Post(kPdf, R"({"colour":"red"})", "application/json"), 422);
  CHECK(j["field"] == "colour");
  j = problem(c->Post(kPdf, R"({"recipient":"x1"})", "application/json"), 422);
  CHECK(j["field"] == "recipient");
  CHECK(j["detail"].get<std::string>().find("pattern") != std::string::npos);
  j = problem(c->Post(kPdf, R"({"recipient":")" + std::string(41, 'a') + "\"}", "application/json"), 422);
  CHECK(j["detail"] == "'recipient' is longer than 40 characters");
  j = problem(c->Post(kPdf, R"({"recipient":["a"]})", "application/json"), 400);
  j = problem(c->Post(kPdf, R"({"recipient":true})", "application/json"), 422);
  CHECK(j["field"] == "recipient");
  j = problem(c->Post(kPdf, "recipient=A&recipient=B", "application/x-www-form-urlencoded"), 422);
  CHECK(j["detail"] == "'recipient' is given more than once");
  j = problem(c->Post(kPdf, "recipient=%01", "application/x-www-form-urlencoded"), 422);
  CHECK(j["detail"] == "'recipient' contains a control character");
}

TEST_CASE("serve errors: wrong content type and compressed bodies are 415") {
  REQUIRE(card().up());
  auto c = card().client();
  problem(c->Post(kPdf, "recipient=A", "text/plain"), 415);
  problem(c->Post(kPdf, {{"Content-Encoding", "gzip"}}, "{}", "application/json"), 415);
}

TEST_CASE("serve errors: a body over the limit is 413") {
  REQUIRE(card().up());
  auto c = card().client();
  problem(c->Post(kPdf, R"({"recipient":")" + std::string(70000, 'a') + "\"}", "application/json"), 413);
}

TEST_CASE("serve errors: JSON that is not JSON, not an object or not UTF-8 is 400; a form value not UTF-8 is 422") {
  REQUIRE(card().up());
  auto c = card().client();
  problem(c->Post(kPdf, R"({"recipient": )", "application/json"), 400);
  problem(c->Post(kPdf, R"(["recipient"])", "application/json"), 400);
  problem(c->Post(kPdf, "{\"recipient\": \"\xff\xfe\"}", "application/json"), 400);
  auto j = problem(c->Post(kPdf, "recipient=%FF%FE", "application/x-www-form-urlencoded"), 422);
  CHECK(j["detail"] == "'recipient' is not valid UTF-8");
}

TEST_CASE("serve errors: a build error is 500 with galley's message and no path") {
  REQUIRE(card().up());
  auto c = card().client();
  auto j = problem(c->Post(kPdf, R"({"link":")" + std::string(5000, 'x') + "\"}", "application/json"), 500);
  const std::string detail = j["detail"];
  CHECK(detail.find("content.yaml:8:7: error: qr: cannot encode") != std::string::npos);
  CHECK(detail.find('/') == std::string::npos);
}

TEST_CASE("serve errors: a value is printed as sent, {{braces}} included") {
  REQUIRE(card().up());
  auto c = card().client();
  auto res = c->Post(kPdf, R"({"link":"{{recipient}} {{meta.title}}"})", "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("serve errors: a refused form from a browser is a page linking back to the form") {
  REQUIRE(card().up());
  auto c = card().client();
  auto res = c->Post(kPdf, {{"Accept", "text/html"}}, "recipient=x1", "application/x-www-form-urlencoded");
  REQUIRE(res);
  CHECK(res->status == 422);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->body.find("<a href=\"/t/card\">") != std::string::npos);
}

TEST_CASE("serve errors: busy is 503 with Retry-After, past the deadline is 504") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  // One build at a time and no queue: of many requests sent together,
  // those arriving during another's build are refused.
  Server busy({dir + "/content.yaml", "--builds", "1", "--queue", "0", "--max-value-length", "2000"});
  REQUIRE(busy.up());
  std::vector<std::thread> clients;
  std::mutex mutex;
  std::vector<int> statuses;
  const std::string long_link = R"({"link":")" + std::string(1500, 'x') + "\"}";
  for (int i = 0; i < 24; ++i)
    clients.emplace_back([&] {
      auto c = busy.client();
      auto res = c->Post("/v1/templates/content/pdf", long_link, "application/json");
      std::lock_guard lock(mutex);
      statuses.push_back(res ? res->status : 0);
      if (res && res->status == 503) CHECK(res->get_header_value("Retry-After") == "1");
    });
  for (auto& t : clients) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 200) >= 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 503) >= 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 0) == 0);

  Server late({dir + "/content.yaml", "--deadline", "0.001", "--max-value-length", "2000"});
  REQUIRE(late.up());
  auto c = late.client();
  problem(c->Post("/v1/templates/content/pdf", long_link, "application/json"), 504);
}

TEST_CASE("serve errors: with --token-file every path but /health needs the bearer token") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  e2e::write_file(dir + "/token", "s3cret-token\n");
  Server server({dir + "/content.yaml", "--token-file", dir + "/token"});
  REQUIRE(server.up());
  auto c = server.client();
  auto health = c->Get("/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  problem(c->Get("/v1/templates"), 401);
  problem(c->Post("/v1/templates/content/pdf", "{}", "application/json"), 401);
  problem(c->Get("/metrics", {{"Authorization", "Bearer wrong-token!"}}), 401);
  auto ok = c->Get("/v1/templates", {{"Authorization", "Bearer s3cret-token"}});
  REQUIRE(ok);
  CHECK(ok->status == 200);
}
