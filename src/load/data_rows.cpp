// read_data_table: CSV, YAML and JSON rows → model::DataTable.
#include "load/data_rows.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "detail/reader.h"
#include "detail/yaml_source.h"

namespace galley::load {
namespace {

struct CsvCell {
  std::string text;
  int line = 0, col = 0;
};

std::string count(size_t n) { return std::to_string(n); }

// Splits CSV text into records of cells, each cell with its line and
// character column. Stops at the first field over the byte budget.
bool split_csv(std::string_view text, const std::string& path, const DataLimits& limits,
               std::vector<std::vector<CsvCell>>& records, Diagnostics& diags) {
  std::vector<CsvCell> record;
  int line = 1, col = 1;
  CsvCell cell{{}, line, col};
  bool quoted = false, was_quoted = false;
  int quote_line = 0, quote_col = 0;
  auto end_cell = [&] {
    record.push_back(std::move(cell));
    cell = CsvCell{};
    was_quoted = false;
  };
  auto end_record = [&] {
    end_cell();
    const bool blank = record.size() == 1 && record[0].text.empty();
    if (!blank) records.push_back(std::move(record));
    record.clear();
  };
  // The first record is the header.
  auto too_many = [&] {
    if (records.size() < 2 || records.size() - 1 <= limits.max_rows) return false;
    diags.error({path, records.back()[0].line, 1}, "more than " + count(limits.max_rows) + " rows");
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // Columns count characters, not UTF-8 continuation bytes.
    const bool starts_char = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.text += '"';
          ++i;
          ++col;
        } else {
          quoted = false;
        }
      } else {
        cell.text += c;
        if (c == '\n') {
          ++line;
          col = 0;
        }
      }
    } else if (c == '"' && cell.text.empty() && !was_quoted) {
      quoted = was_quoted = true;
      quote_line = line;
      quote_col = col;
    } else if (c == ',') {
      end_cell();
      cell.line = line;
      cell.col = col + 1;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      ++line;
      col = 0;
      cell.line = line;
      cell.col = 1;
    } else if (was_quoted) {
      diags.error({path, line, col}, "text after a closing quote; a quote inside a quoted field is written \"\"");
      return false;
    } else if (c == '"') {
      diags.error({path, line, col}, "a quote inside an unquoted field; quote the whole field and write the quote as \"\"");
      return false;
    } else {
      cell.text += c;
    }
    if (cell.text.size() > limits.max_field_bytes) {
      diags.error({path, cell.line, cell.col}, "a field longer than " + count(limits.max_field_bytes) + " bytes");
      return false;
    }
    if (too_many()) return false;
    if (starts_char) ++col;
  }
  if (quoted) {
    diags.error({path, quote_line, quote_col}, "unterminated quoted field");
    return false;
  }
  if (!cell.text.empty() || !record.empty()) end_record();
  return !too_many();
}

std::optional<model::DataTable> read_yaml_rows(std::string bytes, const std::string& path, Diagnostics& diags,
                                               const DataLimits& limits) {
  // Data files are input like descriptors: the loader's guards against
  // deep nesting, alias bombs and huge node counts apply here too.
  if (!prescan(bytes, path, diags)) return std::nullopt;
  SourceText text(std::move(bytes));
  auto parsed = parse_yaml(text, path, diags);
  if (!parsed) return std::nullopt;
  const Node& root = *parsed;
  if (!root.IsSequence()) {
    diags.error(text.loc(path, root.Mark()), "expected a list of rows (maps of field: value)");
    return std::nullopt;
  }
  if (root.size() > limits.max_rows) {
    diags.error(text.loc(path, root.Mark()), "more than " + count(limits.max_rows) + " rows");
    return std::nullopt;
  }
  model::DataTable table;
  table.source = path;
  struct Given {
    size_t field;
    std::string value;
    model::DataTable::Position at;
  };
  std::vector<std::vector<Given>> given;
  std::map<std::string, size_t> index;
  bool ok = true;
  size_t number = 0;
  for (const auto& item : root) {
    ++number;
    const SourceLoc loc = text.loc(path, item.Mark());
    if (!item.IsMap()) {
      diags.error(loc, "a row must be a map of field: value");
      ok = false;
      continue;
    }
    table.row_locations.push_back(loc);
    auto& row = given.emplace_back();
    const std::string row_name = "row " + count(number) + ": ";
    for (const auto& kv : item) {
      const SourceLoc key_loc = text.loc(path, kv.first.Mark());
      if (!kv.first.IsScalar()) {
        diags.error(key_loc, row_name + "a field name must be a single value; found " + describe(kv.first));
        ok = false;
        continue;
      }
      const std::string& name = kv.first.Scalar();
      if (!kv.second.IsScalar() && !kv.second.IsNull()) {
        diags.error(text.loc(path, kv.second.Mark()), row_name + "field '" + name + "' must be a single value");
        ok = false;
        continue;
      }
      const std::string value = kv.second.IsNull() ? "" : kv.second.Scalar();
      // Escapes such as "\0" in quoted YAML make control characters the
      // raw-byte check before parsing never saw.
      for (const auto& [node, s] : {std::pair{kv.first, name}, std::pair{kv.second, value}}) {
        if (auto bad = find_bad_byte(s)) {
          diags.error(text.loc(path, node.Mark()), row_name + describe(*bad) + " is not allowed in a data file");
          ok = false;
        }
      }
      if (value.size() > limits.max_field_bytes) {
        diags.error(text.loc(path, kv.second.Mark()),
                    row_name + "field '" + name + "' is longer than " + count(limits.max_field_bytes) + " bytes");
        ok = false;
        continue;
      }
      auto [it, fresh] = index.emplace(name, table.fields.size());
      if (fresh) {
        if (table.fields.size() == limits.max_fields) {
          diags.error(key_loc, row_name + "more than " + count(limits.max_fields) + " fields");
          return std::nullopt;
        }
        table.fields.push_back(name);
      }
      bool twice = false;
      for (const Given& g : row) twice = twice || g.field == it->second;
      if (twice) {
        diags.error(key_loc, row_name + "field '" + name + "' given twice");
        ok = false;
        continue;
      }
      const SourceLoc at = text.loc(path, kv.second.IsNull() ? kv.first.Mark() : kv.second.Mark());
      row.push_back({it->second, value, {at.line, at.col}});
    }
  }
  if (!ok) return std::nullopt;
  const size_t width = table.fields.size();
  table.rows.reserve(given.size());
  table.cell_positions.reserve(given.size() * width);
  for (auto& row : given) {
    auto& cells = table.rows.emplace_back(width);
    const size_t first = table.cell_positions.size();
    table.cell_positions.resize(first + width);
    for (Given& g : row) {
      cells[g.field] = std::move(g.value);
      table.cell_positions[first + g.field] = g.at;
    }
  }
  return table;
}

}  // namespace

std::optional<model::DataTable> parse_csv(std::string_view text, const std::string& path, Diagnostics& diags,
                                          const DataLimits& limits) {
  // Spreadsheets save "CSV UTF-8" with a byte order mark, which would
  // otherwise become part of the first field's name.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto bad = find_bad_byte(text)) {
    diags.error(loc_of_offset(text, bad->offset, path),
                describe(*bad) + (bad->control ? " is not allowed in a data file" : "; data files must be saved as UTF-8"));
    return std::nullopt;
  }
  std::vector<std::vector<CsvCell>> records;
  if (!split_csv(text, path, limits, records, diags)) return std::nullopt;
  if (records.empty()) {
    diags.error({path, 0, 0}, "no header line: the first line names the fields");
    return std::nullopt;
  }
  const auto& header = records[0];
  if (header.size() > limits.max_fields) {
    diags.error({path, 1, 1}, "more than " + count(limits.max_fields) + " fields");
    return std::nullopt;
  }
  model::DataTable table;
  table.source = path;
  std::map<std::string_view, size_t> seen;
  for (const CsvCell& h : header) {
    if (h.text.empty()) {
      diags.error({path, h.line, h.col}, "empty field name in the header");
      return std::nullopt;
    }
    if (!seen.emplace(h.text, table.fields.size()).second) {
      diags.error({path, h.line, h.col}, "field '" + h.text + "' named twice");
      return std::nullopt;
    }
    table.fields.push_back(h.text);
  }
  bool ok = true;
  table.rows.reserve(records.size() - 1);
  table.cell_positions.reserve((records.size() - 1) * header.size());
  for (size_t r = 1; r < records.size(); ++r) {
    auto& rec = records[r];
    const SourceLoc loc{path, rec[0].line, 1};
    if (rec.size() != header.size()) {
      diags.error(loc, "row " + count(r) + " has " + count(rec.size()) + " fields; the header has " + count(header.size()));
      ok = false;
      continue;
    }
    table.row_locations.push_back(loc);
    auto& row = table.rows.emplace_back();
    row.reserve(rec.size());
    for (CsvCell& c : rec) {
      table.cell_positions.push_back({c.line, c.col});
      row.push_back(std::move(c.text));
    }
  }
  if (!ok) return std::nullopt;
  return table;
}

std::optional<model::DataTable> read_data_table(const std::string& file, Diagnostics& diags,
                                                const DataLimits& limits, const std::string& shown) {
  namespace fs = std::filesystem;
  const std::string& path = shown.empty() ? file : shown;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    diags.error({path, 0, 0}, fs::exists(file, ec) ? "not a regular file" : "no such file");
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || size > limits.max_bytes) {
    const std::uintmax_t mib = limits.max_bytes >> 20;
    diags.error({path, 0, 0}, "data file larger than " + (mib << 20 == limits.max_bytes ? count(mib) + " MiB"
                                                                                        : count(limits.max_bytes) + " bytes"));
    return std::nullopt;
  }
  const std::string ext = fs::path(file).extension().string();
  if (ext != ".csv" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
    diags.error({path, 0, 0}, "data files are .csv, .yaml, .yml or .json");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  if (!in.good() && !in.eof()) {
    diags.error({path, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  if (ext == ".csv") return parse_csv(buf.view(), path, diags, limits);
  return read_yaml_rows(std::move(buf).str(), path, diags, limits);
}

}  // namespace galley::load
