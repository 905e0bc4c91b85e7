// A request's variables: read from a JSON object or a form, each checked
// against its template's constraints before anything is built.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/cli.h"
#include "config.h"
#include "problem.h"

namespace galley::serve {

// Why `value` is not acceptable for `spec` ("" if it is): not UTF-8, a
// control character, too long, not an integer, not one of the choices, not
// matching the pattern, empty though required.
std::string check_value(const VariableSpec& spec, std::string_view value);

// The name/value pairs of a request body: a JSON object of strings (or
// numbers) for application/json, or `fields` already decoded from a form.
// Unknown names, repeated names and unacceptable values are 422 problems
// naming the variable; unparseable JSON is 400.
struct Submitted {
  cli::Overrides values;
  std::optional<Problem> problem;
};
Submitted from_json(const TemplateSpec& spec, std::string_view body);
Submitted from_form(const TemplateSpec& spec, const std::vector<std::pair<std::string, std::string>>& fields);

// The overrides a build gets: the submitted values, checked, with `{{`
// escaped so that a value is printed as sent rather than expanded.
cli::Overrides as_overrides(const cli::Overrides& values);

}  // namespace galley::serve
