// The endpoints of `galley serve` over real loopback HTTP.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/harness.h"
#include "server.h"

using serve_test::Server;

namespace {

const std::string kRoot = GALLEY_SOURCE_DIR;

// The sample handout, as content/serve.yaml offers it.
Server& handout() {
  static Server server({"--config", kRoot + "/content/serve.yaml"});
  return server;
}

std::string pdf_text(const std::string& bytes) {
  const std::string path = e2e::temp_dir() + "/answer.pdf";
  e2e::write_file(path, bytes);
  return e2e::pdf_text(path);
}

}  // namespace

TEST_CASE("serve: a JSON request gives the handout with the variable in it") {
  REQUIRE(handout().up());
  auto c = handout().client();
  auto res = c->Post("/v1/templates/handout/pdf", R"({"recipient": "Dr. Ada Example"})", "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/pdf");
  CHECK(res->get_header_value("Content-Disposition") == "attachment; filename=\"handout-dr-ada-example.pdf\"");
  CHECK(pdf_text(res->body).find("Prepared for Dr. Ada Example") != std::string::npos);
}

TEST_CASE("serve: the same request twice gives the same bytes and ETag; If-None-Match gives 304") {
  REQUIRE(handout().up());
  auto c = handout().client();
  const std::string body = R"({"recipient": "Dr. Grace Hopper"})";
  auto a = c->Post("/v1/templates/handout/pdf", body, "application/json");
  auto b = c->Post("/v1/templates/handout/pdf", body, "application/json");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->status == 200);
  CHECK(a->body == b->body);
  CHECK(!a->get_header_value("ETag").empty());
  CHECK(a->get_header_value("ETag") == b->get_header_value("ETag"));
  auto other = c->Post("/v1/templates/handout/pdf", R"({"recipient": "Someone Else"})", "application/json");
  REQUIRE(other);
  CHECK(other->get_header_value("ETag") != a->get_header_value("ETag"));
  auto again = c->Post("/v1/templates/handout/pdf", {{"If-None-Match", a->get_header_value("ETag")}}, body,
                       "application/json");
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
}

TEST_CASE("serve: a warm handout is the same bytes as a cold galley build of the same input") {
  REQUIRE(handout().up());
  auto c = handout().client();
  // Other recipients first: their glyphs, subsets and the warm caches must
  // not reach this one's bytes.
  for (const char* other : {R"({"recipient": "Zoë Quill-Ångström"})", R"({"recipient": "B"})"})
    REQUIRE(c->Post("/v1/templates/handout/pdf", other, "application/json"));
  auto res = c->Post("/v1/templates/handout/pdf", R"({"recipient": "Dr. Ada Example"})", "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const std::string out = e2e::temp_dir() + "/cold-handout.pdf";
  auto run = e2e::galley("build " + e2e::quote(kRoot + "/content/mayo-ir-residency.yaml") + " --layout " +
                         e2e::quote(kRoot + "/layouts/handout-a4.yaml") +
                         " --set 'recipient=Dr. Ada Example' -o " + e2e::quote(out));
  REQUIRE(run.exit_code == 0);
  CHECK(e2e::read_file(out) == res->body);
}

TEST_CASE("serve: warm answers equal cold builds when variables reach the flow's blocks, requests alternating") {
  // The template's start build keeps the blocks no variable reaches; the
  // requests alternate between values that break lines differently, move
  // the fixed blocks to other columns and pages and change the fixed
  // heading's id (e2e::write_variable_flows).
  const std::string dir = e2e::temp_dir();
  e2e::write_variable_flows(dir);
  Server server({dir + "/content.yaml", "--root", "/"});
  REQUIRE(server.up());
  auto c = server.client();
  const std::vector<std::pair<std::string, std::string>> values = {
      {"Al", "Rome"},
      {"Maximiliana Wolfeschlegelsteinhausen-Bergerdorff of the Extraordinarily Long Name", "Paris"},
      {"Al", "Rome"},
      {"Bo", "Paris"},
      {"Maximiliana Wolfeschlegelsteinhausen-Bergerdorff of the Extraordinarily Long Name", "Rome"}};
  for (const auto& [name, place] : values) {
    nlohmann::json body = {{"name", name}, {"place", place}};
    auto res = c->Post("/v1/templates/content/pdf", body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const std::string out = dir + "/cold.pdf";
    auto run = e2e::galley("build " + e2e::quote(dir + "/content.yaml") + " --set " + e2e::quote("name=" + name) +
                           " --set place=" + place + " -o " + e2e::quote(out));
    REQUIRE(run.exit_code == 0);
    CAPTURE(name);
    CAPTURE(place);
    CHECK((e2e::read_file(out) == res->body));
  }
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: a form post builds the same document as JSON") {
  REQUIRE(handout().up());
  auto c = handout().client();
  auto form = c->Post("/v1/templates/handout/pdf", "recipient=Dr.+Ada+Example", "application/x-www-form-urlencoded");
  auto json = c->Post("/v1/templates/handout/pdf", R"({"recipient":"Dr. Ada Example"})", "application/json");
  REQUIRE(form);
  REQUIRE(json);
  CHECK(form->status == 200);
  CHECK(form->body == json->body);
}

TEST_CASE("serve: the template list and one template, with their variables and constraints") {
  REQUIRE(handout().up());
  auto c = handout().client();
  auto list = c->Get("/v1/templates");
  REQUIRE(list);
  CHECK(list->status == 200);
  CHECK(list->get_header_value("Content-Type") == "application/json");
  auto j = nlohmann::json::parse(list->body);
  REQUIRE(j["templates"].size() == 1);
  CHECK(j["templates"][0]["id"] == "handout");
  auto one = c->Get("/v1/templates/handout");
  REQUIRE(one);
  auto t = nlohmann::json::parse(one->body);
  CHECK(t["title"] == "IR residency handout");
  REQUIRE(t["variables"].size() == 1);
  CHECK(t["variables"][0]["name"] == "recipient");
  CHECK(t["variables"][0]["label"] == "Prepared for");
  CHECK(t["variables"][0]["max_length"] == 80);
  CHECK(t["variables"][0]["required"] == true);
  CHECK(t["variables"][0]["default"] == "Future resident");
}

TEST_CASE("serve: the pages list the templates and give a form with the constraints") {
  REQUIRE(handout().up());
  auto c = handout().client();
  auto index = c->Get("/");
  REQUIRE(index);
  CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(index->body.find("<a href=\"/t/handout\">IR residency handout</a>") != std::string::npos);
  auto form = c->Get("/t/handout");
  REQUIRE(form);
  const std::string& html = form->body;
  CHECK(html.find("action=\"/v1/templates/handout/pdf\"") != std::string::npos);
  CHECK(html.find("<label for=\"v-recipient\">Prepared for</label>") != std::string::npos);
  CHECK(html.find("maxlength=\"80\" required") != std::string::npos);
  CHECK(html.find("value=\"Future resident\"") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // no external asset
}

TEST_CASE("serve: health answers GET and HEAD; metrics count requests and PDFs") {
  REQUIRE(handout().up());
  auto c = handout().client();
  auto health = c->Get("/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(nlohmann::json::parse(health->body)["status"] == "up");
  auto head = c->Head("/health");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  REQUIRE(c->Post("/v1/templates/handout/pdf", R"({"recipient":"M"})", "application/json"));
  REQUIRE(c->Post("/v1/templates/nope/pdf", "{}", "application/json"));
  auto metrics = c->Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const std::string& m = metrics->body;
  CHECK(m.find("galley_requests_total{template=\"handout\",status=\"200\"}") != std::string::npos);
  CHECK(m.find("galley_requests_total{template=\"\",status=\"404\"}") != std::string::npos);
  CHECK(m.find("galley_request_duration_seconds_bucket{le=\"+Inf\"}") != std::string::npos);
  CHECK(m.find("galley_pdfs_built_total ") != std::string::npos);
  CHECK(m.find("galley_pdfs_built_total 0\n") == std::string::npos);
  CHECK(m.find("galley_response_bytes_total ") != std::string::npos);
  CHECK(m.find("galley_in_flight_requests ") != std::string::npos);
  CHECK(m.find("galley_template_reloads_total{result=\"ok\"} 0") != std::string::npos);
}

TEST_CASE("serve: one JSON access-log line per request on stderr") {
  REQUIRE(handout().up());
  auto c = handout().client();
  const std::string mark = R"("path":"/v1/templates/handout")";
  auto count = [&](const std::string& text) {
    size_t n = 0;
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + 1)) ++n;
    return n;
  };
  const size_t before = count(handout().log());
  REQUIRE(c->Get("/v1/templates/handout"));
  // The line is written once the answer is sent: wait for it.
  std::string log = handout().log();
  for (int i = 0; i < 200 && count(log) == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    log = handout().log();
  }
  const auto at = log.rfind(mark);
  REQUIRE(at != std::string::npos);
  const auto start = log.rfind('\n', at) + 1;
  auto line = nlohmann::json::parse(log.substr(start, log.find('\n', at) - start));
  CHECK(line["method"] == "GET");
  CHECK(line["path"] == "/v1/templates/handout");
  CHECK(line["status"] == 200);
  CHECK(line["template"] == "handout");
  CHECK(line["bytes"].get<int>() > 0);
  CHECK(line.contains("ms"));
}

TEST_CASE("serve: one content file is a template named after it, offering all its variables") {
  Server server({kRoot + "/content/mayo-ir-residency.yaml", "--layout", kRoot + "/layouts/handout-a4.yaml",
                 "--slug", "recipient", "--root", kRoot});
  REQUIRE(server.up());
  auto c = server.client();
  auto t = c->Get("/v1/templates/mayo-ir-residency");
  REQUIRE(t);
  CHECK(t->status == 200);
  auto res = c->Post("/v1/templates/mayo-ir-residency/pdf", R"({"recipient":"Dr. Ada Example"})", "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Disposition").find("mayo-ir-residency-dr-ada-example.pdf") != std::string::npos);
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: a template that does not build stops the start with file:line") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  std::string content = e2e::read_file(dir + "/content.yaml");
  content += "    - paragraph: \"{{undefined}}\"\n";
  e2e::write_file(dir + "/content.yaml", content);
  auto run = e2e::galley("serve " + e2e::quote(dir + "/content.yaml") + " --port 0");
  CHECK(run.exit_code == 1);
  INFO(run.err);
  CHECK(run.err.find("content.yaml:9:19: error: undefined variable 'undefined'") != std::string::npos);
}

TEST_CASE("serve: a serve.yaml error is reported at its line") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  e2e::write_file(dir + "/serve.yaml",
                  "templates:\n"
                  "  - id: t\n"
                  "    content: content.yaml\n"
                  "    variables:\n"
                  "      recipient: {max_lenght: 5}\n"
                  "      nosuch: {}\n");
  auto run = e2e::galley("serve --config " + e2e::quote(dir + "/serve.yaml") + " --port 0");
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("serve.yaml:5:19: error: unknown key 'max_lenght' (did you mean 'max_length'?)") !=
        std::string::npos);
  e2e::write_file(dir + "/serve.yaml",
                  "templates:\n"
                  "  - id: t\n"
                  "    content: content.yaml\n"
                  "    variables:\n"
                  "      nosuch: {}\n");
  run = e2e::galley("serve --config " + e2e::quote(dir + "/serve.yaml") + " --port 0");
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("serve.yaml:5:7: error: 'nosuch' is not one of the content's variables") != std::string::npos);
}

TEST_CASE("serve: SIGTERM drains and exits 0") {
  Server server({"--config", kRoot + "/content/serve.yaml"});
  REQUIRE(server.up());
  CHECK(server.stop() == 0);
  CHECK(server.log().find("galley: stopped") != std::string::npos);
}
