// Errors as RFC 9457 problem details (application/problem+json).
#pragma once
#include <string>

namespace galley::serve {

struct Problem {
  int status = 500;
  std::string detail;
  std::string field;  // the variable at fault, if one is
  int retry_after = 0;  // seconds, for 503
};

// The problem's JSON: type, title (the status's reason phrase), status,
// detail and, when set, field.
std::string problem_json(const Problem& p);
const char* reason_phrase(int status);

// JSON text of `s`, with bytes that are not UTF-8 replaced (requests may
// carry anything; the answer is always valid JSON).
std::string json_string(std::string_view s);

}  // namespace galley::serve
