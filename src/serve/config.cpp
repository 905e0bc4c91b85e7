#include "detail/config.h"

#include <charconv>
#include <filesystem>
#include <optional>
#include <set>
#include <tuple>

#include "load/load.h"

namespace galley::serve {
namespace {

namespace fs = std::filesystem;
using load::Node;

std::optional<long> whole_number(const std::string& s) {
  long value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<bool> true_or_false(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

class ConfigReader {
 public:
  ConfigReader(std::string path, const load::SourceText& text, const Limits& limits, Diagnostics& diags)
      : path_(std::move(path)), text_(text), limits_(limits), diags_(diags),
        base_(fs::path(path_).parent_path()) {}

  std::vector<TemplateSpec> templates(const Node& root) {
    std::vector<TemplateSpec> out;
    known_keys(root, {"root", "templates"});
    default_root_ = file(root, "root", false);
    const Node list = root["templates"];
    if (!list || !list.IsSequence() || list.size() == 0) {
      error(list ? list : root, "'templates' must be a list of at least one template");
      return out;
    }
    std::set<std::string> ids;
    for (const auto& node : list) {
      auto t = one_template(node);
      if (!t) continue;
      if (!ids.insert(t->id).second) error(node["id"], "two templates have the id '" + t->id + "'");
      out.push_back(std::move(*t));
    }
    return out;
  }

 private:
  std::optional<TemplateSpec> one_template(const Node& node) {
    if (!node.IsMap()) {
      error(node, "a template is a mapping with id, content and layout");
      return std::nullopt;
    }
    known_keys(node, {"id", "title", "content", "layout", "root", "slug", "variables"});
    TemplateSpec t;
    t.loc = loc(node);
    t.id = scalar(node, "id", true);
    if (!t.id.empty() && !valid_id(t.id))
      error(node["id"], "an id has only letters, digits, '-', '_' and '.', at most 64, not starting with '.'");
    t.title = scalar(node, "title", false);
    if (t.title.empty()) t.title = t.id;
    t.content = file(node, "content", true);
    t.layout = file(node, "layout", false);
    t.root = file(node, "root", false);
    if (t.root.empty()) t.root = default_root_;
    if (t.root.empty() && !t.content.empty()) {
      t.root = fs::path(t.content).parent_path().string();
      if (t.root.empty()) t.root = ".";
    }
    t.slug = scalar(node, "slug", false);
    if (const Node vars = node["variables"]) {
      t.all_variables = false;
      if (!vars.IsMap() && !vars.IsNull()) error(vars, "'variables' maps each name a request may set to its constraints");
      else if (vars.IsMap())
        for (const auto& kv : vars) t.variables.push_back(variable(kv.first, kv.second));
    }
    if (!t.slug.empty() && !t.all_variables) {
      bool found = false;
      for (const auto& v : t.variables) found = found || v.name == t.slug;
      if (!found) error(node["slug"], "'slug' names a variable the template lists, not '" + t.slug + "'");
    }
    return t;
  }

  VariableSpec variable(const Node& key, const Node& node) {
    VariableSpec v;
    v.name = key.Scalar();
    v.loc = loc(key);
    v.label = v.name;
    v.max_length = limits_.max_value_length;
    if (node.IsNull()) return v;
    if (!node.IsMap()) {
      error(node, "a variable's constraints are a mapping (label, type, max_length, pattern, choices, required)");
      return v;
    }
    known_keys(node, {"label", "type", "max_length", "pattern", "choices", "required"});
    if (auto label = scalar(node, "label", false); !label.empty()) v.label = label;
    if (auto type = scalar(node, "type", false); type == "integer") v.integer = true;
    else if (!type.empty() && type != "string") error(node["type"], "'type' is string or integer, not '" + type + "'");
    if (const Node n = node["max_length"]) {
      const auto value = n.IsScalar() ? whole_number(n.Scalar()) : std::nullopt;
      if (!value || *value < 1 || *value > 100000)
        error(n, "'max_length' is a number of characters from 1 to 100000");
      else v.max_length = static_cast<size_t>(*value);
    }
    v.pattern = scalar(node, "pattern", false);
    if (!v.pattern.empty()) {
      try {
        v.regex = std::make_shared<const std::regex>(v.pattern, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        error(node["pattern"], std::string("'pattern' is not a regular expression: ") + e.what());
      }
    }
    if (const Node c = node["choices"]) {
      if (!c.IsSequence() || c.size() == 0) error(c, "'choices' is a list of the allowed values");
      else
        for (const auto& item : c) {
          if (!item.IsScalar()) error(item, "a choice is a plain value");
          else v.choices.push_back(item.Scalar());
        }
    }
    if (const Node r = node["required"]) {
      const auto value = r.IsScalar() ? true_or_false(r.Scalar()) : std::nullopt;
      if (!value) error(r, "'required' is true or false");
      v.required = value.value_or(false);
    }
    return v;
  }

  std::string scalar(const Node& node, const char* key, bool required) {
    const Node n = node[key];
    if (!n) {
      if (required) error(node, std::string("a template needs '") + key + "'");
      return "";
    }
    if (!n.IsScalar() || n.Scalar().empty()) {
      error(n, std::string("'") + key + "' is a non-empty text");
      return "";
    }
    if (std::string_view(key) == "root" && !fs::is_directory(base_ / n.Scalar())) {
      error(n, "'root' names no folder: " + n.Scalar());
      return "";
    }
    return n.Scalar();
  }

  std::string file(const Node& node, const char* key, bool required) {
    std::string p = scalar(node, key, required);
    if (p.empty()) return p;
    return fs::path(p).is_absolute() ? p : (base_ / p).lexically_normal().string();
  }

  void known_keys(const Node& node, std::initializer_list<std::string_view> keys) {
    if (!node.IsMap()) return;
    std::vector<std::string_view> list(keys);
    for (const auto& kv : node) {
      const std::string& k = kv.first.Scalar();
      bool known = false;
      for (auto key : list) known = known || key == k;
      if (known) continue;
      error(kv.first, "unknown key '" + k + "'" + load::did_you_mean(k, std::span<const std::string_view>(list)));
    }
  }

  SourceLoc loc(const Node& node) const { return text_.loc(path_, node.Mark()); }
  void error(const Node& node, std::string message) { diags_.error(loc(node), std::move(message)); }

  std::string path_;
  const load::SourceText& text_;
  const Limits& limits_;
  Diagnostics& diags_;
  fs::path base_;
  std::string default_root_;
};

}  // namespace

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '.') return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool same_spec(const TemplateSpec& a, const TemplateSpec& b) {
  auto fields = [](const TemplateSpec& t) { return std::tie(t.id, t.title, t.content, t.layout, t.root, t.slug, t.all_variables); };
  auto constraints = [](const VariableSpec& v) {
    return std::tie(v.name, v.label, v.integer, v.max_length, v.pattern, v.choices, v.required);
  };
  if (fields(a) != fields(b) || a.variables.size() != b.variables.size()) return false;
  for (size_t i = 0; i < a.variables.size(); ++i)
    if (constraints(a.variables[i]) != constraints(b.variables[i])) return false;
  return true;
}

TemplateSpec single_template(const std::string& content, const std::string& layout, const std::string& root) {
  TemplateSpec t;
  t.id = fs::path(content).stem().string();
  t.title = t.id;
  t.content = content;
  t.layout = layout;
  t.root = root.empty() ? fs::path(content).parent_path().string() : root;
  if (t.root.empty()) t.root = ".";
  t.loc = {content, 0, 0};
  return t;
}

std::optional<std::vector<TemplateSpec>> read_config(const std::string& path, const Limits& limits,
                                                     Diagnostics& diags) {
  auto parsed = load::read_yaml(path, "serve configuration", diags);
  if (!parsed) return std::nullopt;
  ConfigReader reader(path, *parsed->text, limits, diags);
  auto templates = reader.templates(parsed->root);
  if (diags.has_errors()) return std::nullopt;
  return templates;
}

}  // namespace galley::serve
