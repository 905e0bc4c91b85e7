#include "detail/input_files.h"

#include <filesystem>

#include "resolve/resolve.h"

namespace galley::cli {
namespace {

namespace fs = std::filesystem;

std::string absolute(const std::string& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return ec ? p : a.lexically_normal().string();
}

}  // namespace

std::set<std::string> input_files(const std::string& content_path, const std::string& layout_path,
                                  const model::Document* doc, const model::Layout* layout) {
  std::set<std::string> files{absolute(content_path)};
  if (!layout_path.empty()) files.insert(absolute(layout_path));
  if (doc)
    for (const auto& f : doc->flows) {
      for (const auto& b : f.blocks)
        if (b.deferred) files.insert(absolute(b.deferred->file));
      model::for_each_file_block(f, [&](const model::Block& b) {
        // A `markdown: {file: ...}` block's blocks are located in its file.
        if (!b.loc.file.empty()) files.insert(absolute(b.loc.file));
        if (!b.src.empty()) files.insert(absolute(b.src));
        if (b.table_data) files.insert(absolute(b.table_data->source));
        if (b.chart && b.chart->data) files.insert(absolute(b.chart->data->source));
      });
    }
  if (!layout) return files;
  if (doc) {
    // Images inside text are known once it is resolved (a path may hold
    // variables: their defaults here). Resolved past errors, so the images
    // of a document with a mistake elsewhere are still watched.
    Diagnostics quiet;
    const auto styled = resolve::resolve_all(*doc, *layout, resolve::make_variables(*doc, {}), quiet);
    for (const auto& image : styled.inline_images()) files.insert(image.path);
  }
  for (const auto& f : layout->fonts)
    for (const std::string* p : {&f.regular, &f.bold, &f.italic, &f.bold_italic})
      if (!p->empty()) files.insert(absolute(*p));
  for (const auto& [name, m] : layout->masters) {
    if (!m.background_image.empty()) files.insert(absolute(m.background_image));
    for (const auto& e : m.elements)
      if (!e.src.empty()) files.insert(absolute(e.src));
  }
  if (!layout->output.icc_profile.empty()) files.insert(absolute(layout->output.icc_profile));
  return files;
}

}  // namespace galley::cli
