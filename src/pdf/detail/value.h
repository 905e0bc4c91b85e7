// PDF object values as plain C++ data. The rest of pdf/ builds these; only
// hpdf_objects turns them into libharu objects, so libharu internals stay in
// one module. Dictionaries keep insertion order, which keeps output stable.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace galley::pdf {

struct Name { std::string value; };
// A string object. Printable ASCII is written as a literal, anything else as
// hex, so binary and UTF-16BE text survive unchanged.
struct String { std::string bytes; };
// An indirect object made by hpdf::Writer (see hpdf_objects.h).
struct Ref { int id = -1; };

struct Value;
struct Array { std::vector<Value> items; };
struct Dict {
  std::vector<std::pair<std::string, Value>> entries;
  Dict& set(std::string key, Value v);
};

struct Value {
  std::variant<std::monostate, bool, int64_t, double, Name, String, Array, Dict, Ref> v;
  Value() = default;
  Value(bool b) : v(b) {}
  Value(int i) : v(int64_t{i}) {}
  Value(int64_t i) : v(i) {}
  Value(double d) : v(d) {}
  Value(Name n) : v(std::move(n)) {}
  Value(String s) : v(std::move(s)) {}
  Value(Array a) : v(std::move(a)) {}
  Value(Dict d) : v(std::move(d)) {}
  Value(Ref r) : v(r) {}
};

inline Dict& Dict::set(std::string key, Value value) {
  entries.emplace_back(std::move(key), std::move(value));
  return *this;
}

// Text for /Title, /Author, outline titles...: UTF-8 in, PDF text string out
// (ASCII as is, anything else UTF-16BE with a BOM).
String text_string(const std::string& utf8);

}  // namespace galley::pdf
