#include "detail/service.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/memo.h"
#include "resolve/resolve.h"
#include "detail/html.h"
#include "detail/values.h"

namespace galley::serve {
namespace {

using json = nlohmann::ordered_json;

const char* const kPdfPath = R"(/v1/templates/([^/]+)/pdf)";

const std::regex& pdf_path() {
  static const std::regex pattern(kPdfPath);
  return pattern;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"; }

std::string media_type(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](char c) { return c == ' ' || c == '\t'; }), type.end());
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type;
}

// A refused form post from a browser gets a page; everything else problem+json.
void answer(const httplib::Request& req, httplib::Response& res, const Problem& p) {
  res.status = p.status;
  if (p.retry_after > 0) res.set_header("Retry-After", std::to_string(p.retry_after));
  const bool browser = media_type(req) == "application/x-www-form-urlencoded" &&
                       req.get_header_value("Accept").find("text/html") != std::string::npos;
  if (browser) {
    std::string back;
    if (httplib::Match m; std::regex_match(req.path, m, pdf_path())) back = "/t/" + m[1].str();
    res.set_content(problem_page(p, back), "text/html; charset=utf-8");
  } else {
    res.set_content(problem_json(p), "application/problem+json");
  }
}

json describe(const Template& t) {
  json vars = json::array();
  for (const auto& v : t.spec.variables) {
    json j;
    j["name"] = v.name;
    j["label"] = v.label;
    j["type"] = v.integer ? "integer" : "string";
    j["max_length"] = v.max_length;
    if (!v.pattern.empty()) j["pattern"] = v.pattern;
    if (!v.choices.empty()) j["choices"] = v.choices;
    j["required"] = v.required;
    j["default"] = v.default_value;
    vars.push_back(std::move(j));
  }
  json j;
  j["id"] = t.spec.id;
  j["title"] = t.spec.title;
  j["variables"] = std::move(vars);
  j["pdf"] = "/v1/templates/" + t.spec.id + "/pdf";
  j["form"] = "/t/" + t.spec.id;
  return j;
}

// The file name a download gets: the template id, then the slug variable's
// letters and digits; nothing else reaches the header.
std::string file_name(const Template& t, const cli::Overrides& values) {
  std::string name = t.spec.id;
  std::string slug;
  for (const auto& [k, v] : values)
    if (k == t.spec.slug) slug = v;
  if (slug.empty())
    for (const auto& v : t.spec.variables)
      if (v.name == t.spec.slug) slug = v.default_value;
  std::string part;
  for (unsigned char c : slug) {
    if (std::isalnum(c) && c < 0x80) part += static_cast<char>(std::tolower(c));
    else if (!part.empty() && part.back() != '-') part += '-';
    if (part.size() >= 48) break;
  }
  while (!part.empty() && part.back() == '-') part.pop_back();
  if (!part.empty()) name += "-" + part;
  return name + ".pdf";
}

// A PDF's bytes follow from its template and its variables (galley's
// output is reproducible), so those decide the tag: the template's digest
// (its files and its build with the defaults, hashed once at load) and
// every variable the build read. Hashing the answer itself cost a twentieth
// of a request.
std::string etag(const Template& t, const resolve::Variables& vars, size_t size) {
  std::string key = t.digest;
  for (const auto& [name, value] : vars) {
    base::add_key_part(key, name);
    base::add_key_part(key, value);
  }
  char text[40];
  std::snprintf(text, sizeof text, "\"%016zx-%zx\"", std::hash<std::string>{}(key), size);
  return text;
}

// Build errors without where galley's files are.
std::string diagnostics_text(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all())
    if (d.severity == Severity::Error) out += (out.empty() ? "" : "\n") + without_paths(format(d));
  return out;
}

std::string template_of(const std::string& path) {
  static const std::regex pattern(R"(/(?:v1/templates|t)/([^/]+)(?:/pdf)?)");
  httplib::Match m;
  return std::regex_match(path, m, pattern) && valid_id(m[1].str()) ? m[1].str() : "";
}

bool same_token(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || b.empty()) return false;
  unsigned char diff = 0;  // every byte compared: the time says nothing of where they differ
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// The value of cookie `name`, "" if absent.
std::string cookie(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  size_t at = 0;
  while (at < header.size()) {
    size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + at, end - at);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    at = end + 1;
  }
  return "";
}

constexpr std::string_view kTokenCookie = "galley_token";

// A token may hold bytes a cookie cannot (';', spaces): it travels in hex.
std::string hex(const std::string& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// Where a sign-in may send the browser on: a path of this server only.
std::string local_path(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.rfind("//", 0) == 0 || next.find('\\') != std::string::npos ||
      next.size() > 256)
    return "/";
  for (unsigned char c : next)
    if (c < 0x21 || c >= 0x7f) return "/";
  return next;
}

bool wants_html(const httplib::Request& req) {
  return req.get_header_value("Accept").find("text/html") != std::string::npos;
}

}  // namespace

Service::Service(Catalog& catalog, Metrics& metrics, const Limits& limits, std::string token)
    : catalog_(catalog), metrics_(metrics), limits_(limits), token_(std::move(token)), cookie_value_(hex(token_)),
      gate_(limits.builds > 0 ? limits.builds : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
            limits.queue) {}

httplib::Server::HandlerResponse Service::before_routing(const httplib::Request& req, httplib::Response& res) {
  using R = httplib::Server::HandlerResponse;
  if (!token_.empty() && req.path != "/health" && req.path != "/login" && !authorized(req)) {
    if (req.method == "GET" && wants_html(req)) {
      res.status = 303;
      res.set_header("Location", "/login?next=" + httplib::detail::encode_query_param(local_path(req.path)));
      return R::Handled;
    }
    metrics_.rejected("unauthorized");
    res.set_header("WWW-Authenticate", "Bearer");
    answer(req, res, {401, "a bearer token is required", "", 0});
    return R::Handled;
  }
  // httplib checks --max-body against Content-Length only: a chunked body
  // would be read without limit.
  if (req.has_header("Transfer-Encoding")) {
    res.set_header("Connection", "close");
    answer(req, res, {411, "send the body with a Content-Length; chunked bodies are not accepted", "", 0});
    return R::Handled;
  }
  // Said here because a handler that reads its own body (the PDF route)
  // would otherwise get a bare 400 from httplib.
  if (const std::string length = req.get_header_value("Content-Length"); !length.empty()) {
    size_t bytes = 0;
    const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), bytes);
    if (ec == std::errc::invalid_argument || end != length.data() + length.size()) {
      res.set_header("Connection", "close");
      answer(req, res, {400, "the Content-Length is not a number", "", 0});
      return R::Handled;
    }
    if (ec == std::errc::result_out_of_range || bytes > limits_.max_body) {
      res.set_header("Connection", "close");
      answer(req, res, {413, "the request body is too large", "", 0});
      return R::Handled;
    }
  }
  const std::string encoding = req.get_header_value("Content-Encoding");
  if (!encoding.empty() && encoding != "identity") {
    answer(req, res, {415, "compressed request bodies are not accepted", "", 0});
    return R::Handled;
  }
  httplib::Match m;
  if (req.method == "POST" && std::regex_match(req.path, m, pdf_path())) {
    if (!catalog_.find(m[1].str())) {
      answer(req, res, {404, "no template '" + without_paths(m[1].str().substr(0, 64)) + "'", "", 0});
      return R::Handled;
    }
    const std::string type = media_type(req);
    if (type != "application/json" && type != "application/x-www-form-urlencoded") {
      answer(req, res, {415, "send application/json or application/x-www-form-urlencoded", "", 0});
      return R::Handled;
    }
  }
  return R::Unhandled;
}

bool Service::authorized(const httplib::Request& req) const {
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0 && same_token(auth.substr(7), token_)) return true;
  return same_token(cookie(req, kTokenCookie), cookie_value_);
}

// A browser cannot send a bearer header from a plain form: it signs in once
// and the token rides in a cookie no script can read and no other site's
// page can make it send (SameSite=Strict, so no cross-site form posts).
void Service::login(const httplib::Request& req, httplib::Response& res) {
  const std::string next = local_path(req.get_param_value("next"));
  if (req.method == "GET") return res.set_content(login_page(next, false), "text/html; charset=utf-8");
  if (!same_token(req.get_param_value("token"), token_)) {
    metrics_.rejected("unauthorized");
    res.status = 401;
    return res.set_content(login_page(next, true), "text/html; charset=utf-8");
  }
  res.status = 303;
  res.set_header("Set-Cookie", std::string(kTokenCookie) + "=" + cookie_value_ + "; Path=/; HttpOnly; SameSite=Strict");
  res.set_header("Location", next);
}

void Service::build_pdf(const httplib::Request& req, const std::string& body, httplib::Response& res) {
  const auto deadline = request_started() + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(limits_.deadline));
  ++metrics_.in_flight;
  struct Done {
    std::atomic<int>& n;
    ~Done() { --n; }
  } done{metrics_.in_flight};
  auto t = catalog_.find(req.matches[1].str());
  if (!t) return answer(req, res, {404, "no such template", "", 0});
  Submitted sent;
  if (media_type(req) == "application/json") {
    sent = from_json(t->spec, body);
  } else {
    httplib::Params form;
    httplib::detail::parse_query_text(body, form);
    std::vector<std::pair<std::string, std::string>> fields(req.params.begin(), req.params.end());
    fields.insert(fields.end(), form.begin(), form.end());
    sent = from_form(t->spec, fields);
  }
  if (sent.problem) return answer(req, res, *sent.problem);

  switch (gate_.enter(deadline)) {
    case BuildGate::Entry::Busy:
      metrics_.rejected("busy");
      return answer(req, res, {503, "too many documents are being built; try again", "", 1});
    case BuildGate::Entry::Late:
      metrics_.rejected("deadline");
      return answer(req, res, {504, "the deadline passed while waiting to build", "", 0});
    case BuildGate::Entry::Admitted: break;
  }
  Diagnostics diags;
  cli::BuildOptions opts;
  opts.preflight = false;  // preflighted at start; a request changes only variable text
  opts.reuse = true;       // what no variable reaches is kept from the start's build
  ++metrics_.building;
  auto vars = resolve::make_variables(t->session.doc, as_overrides(sent.values));
  auto result = cli::build(t->session, vars, opts, diags);
  --metrics_.building;
  gate_.leave();

  if (!result.pdf || diags.has_errors())
    return answer(req, res, {500, "the document did not build:\n" + diagnostics_text(diags), "", 0});
  const size_t pages = result.pages;
  if (pages > static_cast<size_t>(limits_.max_pages))
    return answer(req, res, {422, "the document would have " + std::to_string(pages) + " pages; the limit is " +
                                      std::to_string(limits_.max_pages), "", 0});
  if (Clock::now() > deadline) {
    metrics_.rejected("deadline");
    return answer(req, res, {504, "the document took longer than the deadline", "", 0});
  }
  metrics_.pdf_built();
  const std::string tag = etag(*t, vars, result.pdf->size());
  res.set_header("ETag", tag);
  res.set_header("Cache-Control", "private, no-cache");
  if (req.get_header_value("If-None-Match") == tag) {
    res.status = 304;
    return;
  }
  res.set_header("Content-Disposition", "attachment; filename=\"" + file_name(*t, sent.values) + "\"");
  // httplib 0.11 has no set_content() that takes the string by move: the
  // PDF (a third of a megabyte for the handout) would be copied.
  res.body = std::move(*result.pdf);
  res.set_header("Content-Type", "application/pdf");
}

std::string Service::known_template(const httplib::Request& req) const {
  std::string tmpl = template_of(req.path);
  if (!tmpl.empty() && !catalog_.find(tmpl)) tmpl.clear();
  return tmpl;
}

// Counted before the response is written, not in the logger (which httplib
// calls after): a client that reads /metrics right after an answer must
// find that answer counted.
void Service::count(const httplib::Request& req, const httplib::Response& res) {
  const double seconds = std::chrono::duration<double>(Clock::now() - request_started()).count();
  metrics_.request(known_template(req), res.status, seconds, res.body.size());
}

void Service::log(const httplib::Request& req, const httplib::Response& res) {
  const double seconds = std::chrono::duration<double>(Clock::now() - request_started()).count();
  const std::string tmpl = known_template(req);
  char when[32];
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  json line;
  line["time"] = when;
  line["method"] = req.method;
  line["path"] = req.path.substr(0, 256);
  line["status"] = res.status;
  line["template"] = tmpl;
  line["bytes"] = res.body.size();
  line["ms"] = std::round(seconds * 1e5) / 100;
  line["remote"] = req.remote_addr;
  const std::string text = dump(line);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void Service::install(Server& server) {
  server.set_pre_routing_handler([this](const auto& req, auto& res) { return before_routing(req, res); });
  // With a content reader httplib leaves the body to the handler: its own
  // form parsing (in the shared library) stops at 8 KiB, under --max-body.
  server.Post(kPdfPath, [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
    std::string body;
    read([&body](const char* data, size_t size) {
      body.append(data, size);
      return true;
    });
    build_pdf(req, body, res);
  });
  if (!token_.empty()) {
    server.Get("/login", [this](const auto& req, auto& res) { login(req, res); });
    server.Post("/login", [this](const auto& req, auto& res) { login(req, res); });
  }

  server.Get("/v1/templates", [this](const auto&, auto& res) {
    json list = json::array();
    for (const auto& t : catalog_.all()) list.push_back(describe(*t));
    json j;
    j["templates"] = std::move(list);
    res.set_content(dump(j), "application/json");
  });
  server.Get(R"(/v1/templates/([^/]+))", [this](const auto& req, auto& res) {
    auto t = catalog_.find(req.matches[1].str());
    if (!t) return answer(req, res, {404, "no such template", "", 0});
    res.set_content(dump(describe(*t)), "application/json");
  });
  server.Get("/", [this](const auto&, auto& res) {
    res.set_content(index_page(catalog_.all()), "text/html; charset=utf-8");
  });
  server.Get(R"(/t/([^/]+))", [this](const auto& req, auto& res) {
    auto t = catalog_.find(req.matches[1].str());
    if (!t) return answer(req, res, {404, "no such template", "", 0});
    res.set_content(form_page(*t), "text/html; charset=utf-8");
  });
  server.Get("/health", [this](const auto&, auto& res) {
    json j;
    const auto problems = catalog_.problems();
    if (draining) {
      res.status = 503;
      j["status"] = "draining";
    } else {
      j["status"] = problems.empty() ? "up" : "degraded";
      j["templates"] = catalog_.all().size();
      if (!problems.empty()) j["errors"] = problems;
    }
    res.set_content(dump(j), "application/json");
  });
  server.Get("/metrics", [this](const auto&, auto& res) {
    res.set_content(metrics_.text(), "text/plain; version=0.0.4; charset=utf-8");
  });

  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string detail = "no such resource";
    if (res.status == 413) detail = "the request body is too large";
    else if (res.status == 400) detail = "the request is malformed";
    else if (res.status != 404) detail = reason_phrase(res.status);
    answer(req, res, {res.status, detail, "", 0});
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    answer(req, res, {500, "internal error", "", 0});
  });
  server.set_post_routing_handler([this](const auto& req, auto& res) { count(req, res); });
  server.set_logger([this](const auto& req, const auto& res) { log(req, res); });
}

}  // namespace galley::serve
