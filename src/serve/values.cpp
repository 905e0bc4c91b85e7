#include "detail/values.h"

#include <map>

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace galley::serve {
namespace {

// Names are echoed in problems: a hostile one is cut short.
std::string shown(std::string_view name) {
  return std::string(name.substr(0, 64)) + (name.size() > 64 ? "..." : "");
}

Problem unprocessable(std::string_view field, std::string detail) {
  return Problem{422, std::move(detail), shown(field), 0};
}

const VariableSpec* find(const TemplateSpec& spec, std::string_view name) {
  for (const auto& v : spec.variables)
    if (v.name == name) return &v;
  return nullptr;
}

// Checks names and values; the first fault is the answer.
Submitted checked(const TemplateSpec& spec, cli::Overrides values) {
  std::map<std::string_view, int> seen;
  for (const auto& [name, value] : values) {
    const VariableSpec* v = find(spec, name);
    if (!v) return {{}, unprocessable(name, "'" + shown(name) + "' is not a variable of template '" + spec.id + "'")};
    if (++seen[name] > 1) return {{}, unprocessable(name, "'" + shown(name) + "' is given more than once")};
    if (auto why = check_value(*v, value); !why.empty()) return {{}, unprocessable(name, "'" + v->name + "' " + why)};
  }
  return {std::move(values), std::nullopt};
}

}  // namespace

std::string check_value(const VariableSpec& spec, std::string_view value) {
  size_t chars = 0;
  for (size_t pos = 0; pos < value.size(); ++chars) {
    const size_t at = pos;
    const char32_t cp = base::next_code_point(value, pos);
    if (cp == 0xFFFD && !(pos - at == 3 && value.substr(at, 3) == "\xEF\xBF\xBD")) return "is not valid UTF-8";
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return "contains a control character";
    if (chars >= spec.max_length) return "is longer than " + std::to_string(spec.max_length) + " characters";
  }
  if (value.empty()) return spec.required ? "is required" : "";
  if (spec.integer) {
    size_t digits = value.front() == '-' ? 1 : 0;
    if (digits == value.size() || value.size() - digits > 18 ||
        value.find_first_not_of("0123456789", digits) != std::string_view::npos)
      return "is not an integer";
  }
  if (!spec.choices.empty()) {
    bool found = false;
    for (const auto& c : spec.choices) found = found || c == value;
    if (!found) return "is not one of the choices";
  }
  if (spec.regex && !std::regex_match(value.begin(), value.end(), *spec.regex))
    return "does not match the pattern " + spec.pattern;
  return "";
}

Submitted from_json(const TemplateSpec& spec, std::string_view body) {
  using nlohmann::json;
  bool nested = false;
  // Nothing deeper than the object's values is kept: a deeply nested body
  // is refused without building its tree.
  auto callback = [&](int depth, json::parse_event_t event, json&) {
    if (depth >= 1 && (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start))
      nested = true;
    return !nested;
  };
  json j;
  try {
    j = json::parse(body.begin(), body.end(), callback);
  } catch (const json::parse_error& e) {
    return {{}, Problem{400, "the body is not JSON: byte " + std::to_string(e.byte) + ": " +
                                 (e.id == 101 ? "syntax error or text that is not UTF-8" : "parse error"),
                        "", 0}};
  }
  if (!j.is_object() || nested)
    return {{}, Problem{400, "the body is a flat JSON object of variable names and values", "", 0}};
  cli::Overrides values;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const auto& v = it.value();
    if (v.is_string()) values.emplace_back(it.key(), v.get<std::string>());
    else if (v.is_number()) values.emplace_back(it.key(), v.dump());
    else return {{}, unprocessable(it.key(), "'" + shown(it.key()) + "' must be a string or a number")};
  }
  return checked(spec, std::move(values));
}

Submitted from_form(const TemplateSpec& spec, const std::vector<std::pair<std::string, std::string>>& fields) {
  return checked(spec, cli::Overrides(fields.begin(), fields.end()));
}

cli::Overrides as_overrides(const cli::Overrides& values) {
  cli::Overrides out;
  for (const auto& [name, value] : values) {
    std::string escaped;
    for (size_t i = 0; i < value.size(); ++i) {
      if (value.compare(i, 2, "{{") == 0) escaped += '\\';
      escaped += value[i];
    }
    out.emplace_back(name, std::move(escaped));
  }
  return out;
}

}  // namespace galley::serve
