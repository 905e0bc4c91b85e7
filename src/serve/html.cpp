#include "detail/html.h"

namespace galley::serve {
namespace {

const char* const kHead =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<style>\n"
    "body{font:1.05rem/1.5 system-ui,sans-serif;max-width:36rem;margin:0 auto;padding:1rem;color:#111;background:#fff}\n"
    "label{display:block;font-weight:600;margin-top:1rem}\n"
    "input,select,button{font:inherit;box-sizing:border-box;width:100%;padding:.6rem;margin-top:.25rem;"
    "border:1px solid #555;border-radius:4px}\n"
    "button{margin-top:1.5rem;background:#0b4f8a;color:#fff;border:0;cursor:pointer}\n"
    "button:focus,input:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}\n"
    ".hint{font-size:.9rem;color:#444}\n"
    "a{color:#0b4f8a}\n"
    "</style>\n";

std::string page(const std::string& title, const std::string& body) {
  return kHead + std::string("<title>") + html_escape(title) + "</title>\n</head>\n<body>\n<main>\n" + body +
         "</main>\n</body>\n</html>\n";
}

std::string field(const VariableSpec& v) {
  const std::string id = "v-" + html_escape(v.name);
  std::string out = "<label for=\"" + id + "\">" + html_escape(v.label) + "</label>\n";
  std::string hint;
  if (!v.choices.empty()) {
    out += "<select id=\"" + id + "\" name=\"" + html_escape(v.name) + "\"" + (v.required ? " required" : "") + ">\n";
    for (const auto& c : v.choices)
      out += "<option" + std::string(c == v.default_value ? " selected" : "") + ">" + html_escape(c) + "</option>\n";
    return out + "</select>\n";
  }
  out += "<input id=\"" + id + "\" name=\"" + html_escape(v.name) + "\" type=\"text\" value=\"" +
         html_escape(v.default_value) + "\" maxlength=\"" + std::to_string(v.max_length) + "\"";
  if (v.required) out += " required";
  if (v.integer) {
    out += " inputmode=\"numeric\" pattern=\"-?[0-9]+\"";
    hint = "A whole number.";
  } else if (!v.pattern.empty()) {
    out += " pattern=\"" + html_escape(v.pattern) + "\"";
  }
  const std::string hint_id = id + "-hint";
  const std::string limit = "At most " + std::to_string(v.max_length) + " characters.";
  out += " aria-describedby=\"" + hint_id + "\">\n";
  out += "<div class=\"hint\" id=\"" + hint_id + "\">" + html_escape(hint.empty() ? limit : hint + " " + limit) +
         "</div>\n";
  return out;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string index_page(const std::vector<std::shared_ptr<const Template>>& templates) {
  std::string body = "<h1>Handouts</h1>\n<p>Choose a template to fill in.</p>\n<ul>\n";
  for (const auto& t : templates)
    body += "<li><a href=\"/t/" + html_escape(t->spec.id) + "\">" + html_escape(t->spec.title) + "</a></li>\n";
  return page("Handouts", body + "</ul>\n");
}

std::string form_page(const Template& t) {
  std::string body = "<p><a href=\"/\">All templates</a></p>\n<h1>" + html_escape(t.spec.title) + "</h1>\n";
  body += "<form method=\"post\" action=\"/v1/templates/" + html_escape(t.spec.id) +
          "/pdf\" enctype=\"application/x-www-form-urlencoded\">\n";
  for (const auto& v : t.spec.variables) body += field(v);
  body += "<button type=\"submit\">Download the PDF</button>\n</form>\n";
  return page(t.spec.title, body);
}

std::string login_page(const std::string& next, bool refused) {
  std::string body = "<h1>Sign in</h1>\n";
  if (refused) body += "<p role=\"alert\">That token is not the right one.</p>\n";
  body += "<form method=\"post\" action=\"/login\" enctype=\"application/x-www-form-urlencoded\">\n"
          "<input type=\"hidden\" name=\"next\" value=\"" + html_escape(next) + "\">\n"
          "<label for=\"token\">Access token</label>\n"
          "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>\n"
          "<button type=\"submit\">Sign in</button>\n</form>\n";
  return page("Sign in", body);
}

std::string problem_page(const Problem& p, const std::string& back) {
  std::string body = "<h1>" + html_escape(reason_phrase(p.status)) + "</h1>\n<p role=\"alert\">" +
                     html_escape(p.detail) + "</p>\n";
  if (!back.empty()) body += "<p><a href=\"" + html_escape(back) + "\">Back to the form</a></p>\n";
  return page(reason_phrase(p.status), body);
}

}  // namespace galley::serve
