// Templates edited on disk are reloaded; a broken edit keeps the last good
// version serving and /health reports it.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "e2e/harness.h"
#include "server.h"

namespace {

// Editors save by writing a new file and renaming it over the old one.
void replace_file(const std::string& path, const std::string& bytes) {
  e2e::write_file(path + ".new", bytes);
  std::rename((path + ".new").c_str(), path.c_str());
}

// Polls until `ready` (the reload runs on its own schedule); false after 30 s.
bool eventually(const std::function<bool()>& ready) {
  for (int i = 0; i < 600; ++i) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE("serve reload: an edit is picked up; a broken edit keeps the old version and degrades /health") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  serve_test::Server server({dir + "/content.yaml", "--reload-interval", "0.1"});
  REQUIRE(server.up());
  auto c = server.client();
  auto default_of_recipient = [&] {
    auto res = c->Get("/v1/templates/content");
    if (!res) return std::string();
    const auto j = nlohmann::json::parse(res->body);
    for (const auto& v : j["variables"])
      if (v["name"] == "recipient") return v["default"].get<std::string>();
    return std::string();
  };
  auto health = [&] {
    auto res = c->Get("/health");
    return res ? nlohmann::json::parse(res->body) : nlohmann::json{};
  };
  REQUIRE(default_of_recipient() == "Someone");

  std::string content = e2e::read_file(dir + "/content.yaml");
  const auto at = content.find("recipient: Someone");
  REQUIRE(at != std::string::npos);
  content.replace(at, 18, "recipient: Somebody New");
  replace_file(dir + "/content.yaml", content);
  CHECK(eventually([&] { return default_of_recipient() == "Somebody New"; }));
  auto pdf = c->Post("/v1/templates/content/pdf", "{}", "application/json");
  REQUIRE(pdf);
  const std::string path = e2e::temp_dir() + "/new.pdf";
  e2e::write_file(path, pdf->body);
  CHECK(e2e::pdf_text(path).find("Hello Somebody New.") != std::string::npos);

  replace_file(dir + "/content.yaml", content + "    - paragraph: [unclosed\n");
  CHECK(eventually([&] { return health()["status"] == "degraded"; }));
  auto h = health();
  REQUIRE(h["errors"].size() >= 1);
  const std::string error = h["errors"][0];
  CHECK(error.rfind("content: content.yaml:", 0) == 0);
  CHECK(error.find('/') == std::string::npos);
  auto still = c->Post("/v1/templates/content/pdf", R"({"recipient":"Old Version"})", "application/json");
  REQUIRE(still);
  CHECK(still->status == 200);
  CHECK(default_of_recipient() == "Somebody New");
  auto metrics = c->Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("galley_template_reloads_total{result=\"ok\"} 1") != std::string::npos);
  CHECK(metrics->body.find("galley_template_reloads_total{result=\"failed\"} 0") == std::string::npos);

  replace_file(dir + "/content.yaml", content);
  CHECK(eventually([&] { return health()["status"] == "up"; }));
  CHECK(server.stop() == 0);
}

TEST_CASE("serve reload: a layout edit is picked up too") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  serve_test::Server server({dir + "/content.yaml", "--reload-interval", "0.1"});
  REQUIRE(server.up());
  auto c = server.client();
  auto pages_of = [&] {
    auto res = c->Post("/v1/templates/content/pdf", "{}", "application/json");
    if (!res || res->status != 200) return std::string();
    const std::string path = e2e::temp_dir() + "/p.pdf";
    e2e::write_file(path, res->body);
    return e2e::sh("pdfinfo " + e2e::quote(path) + " | grep 'Page size'").out;
  };
  const std::string before = pages_of();
  REQUIRE(before.find("419.528 x 595.276") != std::string::npos);  // A5
  std::string layout = e2e::read_file(dir + "/layout.yaml");
  layout.replace(layout.find("size: a5"), 8, "size: a4");
  replace_file(dir + "/layout.yaml", layout);
  CHECK(eventually([&] { return pages_of().find("595.276 x 841.8") != std::string::npos; }));
}
