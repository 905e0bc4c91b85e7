// What a template offers: its files, and the variables a request may set
// with their constraints. From serve.yaml (docs/format.md), or for
// `galley serve CONTENT.yaml` every variable of the content.
#pragma once
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "limits.h"

namespace galley::serve {

struct VariableSpec {
  std::string name, label;
  bool integer = false;  // `type: integer`; otherwise a string
  size_t max_length = 0;
  std::string pattern;   // ECMAScript, matching the whole value
  std::shared_ptr<const std::regex> regex;
  std::vector<std::string> choices;
  bool required = false;
  std::string default_value;  // the content's `variables:` value
  SourceLoc loc;
};

struct TemplateSpec {
  std::string id, title, content, layout;
  // No file outside this folder (after symlinks) is read: `root:`, else the
  // content's folder.
  std::string root;
  std::string slug;                  // variable naming the downloaded file, if any
  bool all_variables = true;         // no `variables:` key: the content's, as strings
  std::vector<VariableSpec> variables;
  SourceLoc loc;
};

// Template ids appear in URLs and file names: letters, digits, '-', '_', '.',
// not starting with '.', at most 64 characters.
bool valid_id(std::string_view id);

// Same files, same variables and constraints: a reload keeps it.
bool same_spec(const TemplateSpec& a, const TemplateSpec& b);

// One template for `galley serve CONTENT.yaml [--layout L] [--root DIR]`.
TemplateSpec single_template(const std::string& content, const std::string& layout, const std::string& root);

// The templates of a serve.yaml; paths in it are relative to its folder.
std::optional<std::vector<TemplateSpec>> read_config(const std::string& path, const Limits& limits,
                                                     Diagnostics& diags);

}  // namespace galley::serve
