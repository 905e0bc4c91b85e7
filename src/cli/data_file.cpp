#include "detail/data_file.h"

#include <yaml-cpp/yaml.h>

#include "load/load.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace galley::cli {
namespace {

constexpr std::uintmax_t kMaxDataBytes = 256u << 20;

struct CsvCell {
  std::string text;
  int line = 0, col = 0;
};

// Splits CSV text into records of cells, keeping each record's line.
bool split_csv(std::string_view text, const std::string& path, std::vector<std::vector<CsvCell>>& records,
               Diagnostics& diags) {
  std::vector<CsvCell> record;
  CsvCell cell;
  int line = 1, col = 1;
  cell.line = line;
  cell.col = col;
  bool quoted = false, was_quoted = false;
  int quote_line = 0, quote_col = 0;
  auto end_cell = [&] {
    record.push_back(cell);
    cell = CsvCell{};
    was_quoted = false;
  };
  auto end_record = [&] {
    end_cell();
    bool blank = record.size() == 1 && record[0].text.empty();
    if (!blank) records.push_back(std::move(record));
    record.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
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
    } else {
      cell.text += c;
    }
    ++col;
  }
  if (quoted) {
    diags.error({path, quote_line, quote_col}, "unterminated quoted field");
    return false;
  }
  if (!cell.text.empty() || !record.empty()) end_record();
  return true;
}

}  // namespace

std::optional<std::vector<DataRow>> parse_csv(const std::string& bytes, const std::string& path,
                                              Diagnostics& diags) {
  // Spreadsheets save "CSV UTF-8" with a byte order mark, which would
  // otherwise become part of the first field's name.
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto bad = load::find_bad_byte(text)) {
    diags.error(load::loc_of_offset(text, bad->offset, path),
                load::describe(*bad) + (bad->control ? " is not allowed in a data file" : "; data files must be saved as UTF-8"));
    return std::nullopt;
  }
  std::vector<std::vector<CsvCell>> records;
  if (!split_csv(text, path, records, diags)) return std::nullopt;
  if (records.empty()) {
    diags.error({path, 0, 0}, "no header line: the first line names the fields");
    return std::nullopt;
  }
  const auto& header = records[0];
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].text.empty()) {
      diags.error({path, header[i].line, header[i].col}, "empty field name in the header");
      return std::nullopt;
    }
    for (size_t j = 0; j < i; ++j) {
      if (header[j].text == header[i].text) {
        diags.error({path, header[i].line, header[i].col}, "field '" + header[i].text + "' named twice");
        return std::nullopt;
      }
    }
  }
  std::vector<DataRow> rows;
  bool ok = true;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    SourceLoc loc{path, rec[0].line, 1};
    if (rec.size() != header.size()) {
      diags.error(loc, "row " + std::to_string(r) + " has " + std::to_string(rec.size()) + " fields; the header has " +
                           std::to_string(header.size()));
      ok = false;
      continue;
    }
    DataRow row;
    row.loc = loc;
    for (size_t i = 0; i < rec.size(); ++i) row.fields[header[i].text] = rec[i].text;
    rows.push_back(std::move(row));
  }
  if (!ok) return std::nullopt;
  return rows;
}

std::optional<std::vector<DataRow>> read_data(const std::string& path, Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    diags.error({path, 0, 0}, fs::exists(path, ec) ? "not a regular file" : "no such file");
    return std::nullopt;
  }
  if (fs::file_size(path, ec) > kMaxDataBytes) {
    diags.error({path, 0, 0}, "data file larger than 256 MiB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  if (!in.good() && !in.eof()) {
    diags.error({path, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  std::string ext = fs::path(path).extension().string();
  if (ext == ".csv") return parse_csv(buf.str(), path, diags);
  if (ext != ".yaml" && ext != ".yml" && ext != ".json") {
    diags.error({path, 0, 0}, "data files are .csv, .yaml, .yml or .json");
    return std::nullopt;
  }
  // Data files are input like descriptors: the loader's guards against
  // deep nesting, alias bombs and huge node counts apply here too.
  std::string bytes = buf.str();
  if (!load::prescan(bytes, path, diags)) return std::nullopt;
  load::SourceText text(std::move(bytes));
  auto parsed = load::parse_yaml(text, path, diags);
  if (!parsed) return std::nullopt;
  const YAML::Node& root = *parsed;
  if (!root.IsSequence()) {
    diags.error(text.loc(path, root.Mark()), "expected a list of rows (maps of field: value)");
    return std::nullopt;
  }
  std::vector<DataRow> rows;
  bool ok = true;
  size_t number = 0;
  for (const auto& item : root) {
    ++number;
    SourceLoc loc = text.loc(path, item.Mark());
    if (!item.IsMap()) {
      diags.error(loc, "a row must be a map of field: value");
      ok = false;
      continue;
    }
    DataRow row;
    row.loc = loc;
    const std::string row_name = "row " + std::to_string(number) + ": ";
    for (const auto& kv : item) {
      if (!kv.first.IsScalar()) {
        diags.error(text.loc(path, kv.first.Mark()), row_name + "a field name must be a single value; found " +
                                                         load::describe(kv.first));
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
        if (auto bad = load::find_bad_byte(s)) {
          diags.error(text.loc(path, node.Mark()), row_name + load::describe(*bad) + " is not allowed in a data file");
          ok = false;
        }
      }
      if (!row.fields.emplace(name, value).second) {
        diags.error(text.loc(path, kv.first.Mark()), row_name + "field '" + name + "' given twice");
        ok = false;
      }
    }
    rows.push_back(std::move(row));
  }
  if (!ok) return std::nullopt;
  return rows;
}

}  // namespace galley::cli
