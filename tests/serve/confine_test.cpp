// What a template may read (its root folder), signing in from a browser
// when a token is required, and form bodies up to --max-body.
#include <doctest/doctest.h>

#include <string>

#include "e2e/harness.h"
#include "server.h"

using serve_test::Server;

TEST_CASE("serve root: a template reads nothing outside its folder unless its root says so") {
  const std::string dir = e2e::temp_dir();
  e2e::write_minimal_pair(dir, "");  // its fonts are in the source tree, outside `dir`
  {
    Server server({dir + "/content.yaml"});
    CHECK_FALSE(server.up());
    const std::string log = server.log();
    CHECK(log.find("layout.yaml:4:") != std::string::npos);
    CHECK(log.find("is outside the root folder") != std::string::npos);
    CHECK(log.find("note: the template's root folder is " + dir) != std::string::npos);
  }
  Server wide({dir + "/content.yaml", "--root", "/"});
  CHECK(wide.up());

  e2e::write_file(dir + "/serve.yaml", "templates:\n  - {id: a, content: content.yaml, root: nowhere}\n");
  Server missing({"--config", dir + "/serve.yaml"});
  CHECK_FALSE(missing.up());
  CHECK(missing.log().find("serve.yaml:2:42: error: 'root' names no folder: nowhere") != std::string::npos);
}

TEST_CASE("serve root: the sample's serve.yaml widens the root to the repository and builds") {
  Server server({"--config", std::string(GALLEY_SOURCE_DIR) + "/content/serve.yaml"});
  REQUIRE(server.up());
  auto res = server.client()->Post("/v1/templates/handout/pdf", R"({"recipient":"Dr. Root"})", "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("serve sign-in: a browser without the token is sent to a sign-in page and then served by cookie") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  e2e::write_file(dir + "/token", "s3cret; token\n");
  Server server({dir + "/content.yaml", "--token-file", dir + "/token"});
  REQUIRE(server.up());
  auto c = server.client();
  const httplib::Headers html{{"Accept", "text/html"}};

  auto first = c->Get("/t/content", html);
  REQUIRE(first);
  CHECK(first->status == 303);
  CHECK(first->get_header_value("Location") == "/login?next=/t/content");
  auto form = c->Get("/login?next=%2Ft%2Fcontent", html);
  REQUIRE(form);
  CHECK(form->status == 200);
  CHECK(form->body.find("type=\"password\"") != std::string::npos);
  CHECK(form->body.find("name=\"next\" value=\"/t/content\"") != std::string::npos);

  auto wrong = c->Post("/login", "token=nope&next=%2Ft%2Fcontent", "application/x-www-form-urlencoded");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(wrong->get_header_value("Set-Cookie").empty());
  // Elsewhere than this server is never a place to go on to.
  auto away = c->Post("/login", "token=s3cret%3B+token&next=%2F%2Fevil.example%2F", "application/x-www-form-urlencoded");
  REQUIRE(away);
  CHECK(away->status == 303);
  CHECK(away->get_header_value("Location") == "/");

  auto right = c->Post("/login", "token=s3cret%3B+token&next=%2Ft%2Fcontent", "application/x-www-form-urlencoded");
  REQUIRE(right);
  CHECK(right->status == 303);
  CHECK(right->get_header_value("Location") == "/t/content");
  const std::string cookie = right->get_header_value("Set-Cookie");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  const std::string pair = cookie.substr(0, cookie.find(';'));
  CHECK(pair.find(' ') == std::string::npos);

  auto page = c->Get("/t/content", {{"Accept", "text/html"}, {"Cookie", pair}});
  REQUIRE(page);
  CHECK(page->status == 200);
  auto pdf = c->Post("/v1/templates/content/pdf", {{"Cookie", pair}}, "recipient=Dr.+Cookie",
                     "application/x-www-form-urlencoded");
  REQUIRE(pdf);
  CHECK(pdf->status == 200);
  auto forged = c->Post("/v1/templates/content/pdf", {{"Cookie", "galley_token=00"}}, "recipient=X",
                        "application/x-www-form-urlencoded");
  REQUIRE(forged);
  CHECK(forged->status == 401);
}

TEST_CASE("serve forms: a form body up to --max-body is read, not cut at httplib's 8 KiB") {
  const std::string dir = e2e::temp_dir();
  serve_test::write_template(dir);
  e2e::write_file(dir + "/serve.yaml",
                  "templates:\n  - id: long\n    content: content.yaml\n    variables:\n"
                  "      recipient: {max_length: 30000}\n");
  Server server({"--config", dir + "/serve.yaml"});
  REQUIRE(server.up());
  std::string words;
  while (words.size() < 20000) words += "word+";
  auto res = server.client()->Post("/v1/templates/long/pdf", "recipient=" + words, "application/x-www-form-urlencoded");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/pdf");
}
