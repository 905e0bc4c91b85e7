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
  auto tag = [&] {
    auto res = c->Post("/v1/templates/content/pdf", "{}", "application/json");
    return res ? res->get_header_value("ETag") : std::string();
  };
  const std::string before = pages_of();
  REQUIRE(before.find("419.528 x 595.276") != std::string::npos);  // A5
  const std::string tag_before = tag();
  REQUIRE_FALSE(tag_before.empty());
  std::string layout = e2e::read_file(dir + "/layout.yaml");
  layout.replace(layout.find("size: a5"), 8, "size: a4");
  replace_file(dir + "/layout.yaml", layout);
  CHECK(eventually([&] { return pages_of().find("595.276 x 841.8") != std::string::npos; }));
  // The same request, other bytes: the tag is not the variables' alone.
  CHECK(tag() != tag_before);
}

TEST_CASE("serve reload: replacing an image the template places is picked up") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  REQUIRE(e2e::sh("convert -size 20x10 xc:red " + e2e::quote(dir + "/pic.png")).exit_code == 0);
  std::string content = e2e::read_file(dir + "/content.yaml");
  content += "    - image: {src: pic.png, alt: A swatch, width: 20mm}\n";
  e2e::write_file(dir + "/content.yaml", content);
  serve_test::Server server({dir + "/content.yaml", "--reload-interval", "0.1"});
  REQUIRE(server.up());
  auto c = server.client();
  auto image_list = [&] {
    auto res = c->Post("/v1/templates/content/pdf", "{}", "application/json");
    if (!res || res->status != 200) return std::string();
    const std::string path = e2e::temp_dir() + "/i.pdf";
    e2e::write_file(path, res->body);
    return e2e::sh("pdfimages -list " + e2e::quote(path)).out;
  };
  REQUIRE(image_list().find("    20    10 ") != std::string::npos);
  REQUIRE(e2e::sh("convert -size 30x15 xc:blue " + e2e::quote(dir + "/pic.new.png") + " && mv " +
                  e2e::quote(dir + "/pic.new.png") + " " + e2e::quote(dir + "/pic.png"))
              .exit_code == 0);
  CHECK(eventually([&] { return image_list().find("    30    15 ") != std::string::npos; }));
}

TEST_CASE("serve reload: serve.yaml is read again; a broken one changes nothing and degrades /health") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  const std::string one = "templates:\n  - {id: first, content: content.yaml}\n";
  e2e::write_file(dir + "/serve.yaml", one);
  serve_test::Server server({"--config", dir + "/serve.yaml", "--reload-interval", "0.1"});
  REQUIRE(server.up());
  auto c = server.client();
  auto ids = [&] {
    auto res = c->Get("/v1/templates");
    std::string out;
    if (!res) return out;
    const auto j = nlohmann::json::parse(res->body);
    for (const auto& t : j["templates"]) out += t["id"].get<std::string>() + " ";
    return out;
  };
  auto health = [&] {
    auto res = c->Get("/health");
    return res ? nlohmann::json::parse(res->body) : nlohmann::json{};
  };
  REQUIRE(ids() == "first ");

  replace_file(dir + "/serve.yaml", one + "  - {id: second, content: content.yaml, title: Second}\n");
  CHECK(eventually([&] { return ids() == "first second "; }));

  replace_file(dir + "/serve.yaml", "templates:\n  - {id: third, content: content.yaml, colour: red}\n");
  CHECK(eventually([&] { return health()["status"] == "degraded"; }));
  const std::string error = health()["errors"][0];
  CHECK(error == "serve configuration: serve.yaml:2:40: error: unknown key 'colour'");
  CHECK(ids() == "first second ");
  auto still = c->Post("/v1/templates/second/pdf", "{}", "application/json");
  REQUIRE(still);
  CHECK(still->status == 200);

  replace_file(dir + "/serve.yaml", one);
  CHECK(eventually([&] { return ids() == "first " && health()["status"] == "up"; }));
  CHECK(server.stop() == 0);
}
