#include "detail/output_paths.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "base/inside_root.h"
#include "detail/report.h"
#include "load/load.h"

namespace galley::cli {

namespace fs = std::filesystem;

void InputFiles::add(const std::string& path, const char* role) {
  struct stat st {};
  if (!path.empty() && ::stat(path.c_str(), &st) == 0) roles_.emplace(std::pair{st.st_dev, st.st_ino}, role);
}

InputFiles InputFiles::of(const Session& session, const std::string& data) {
  InputFiles in;
  const auto& doc = session.doc;
  const auto& layout = session.layout;
  in.add(doc.path, "the content file");
  in.add(layout.path, "the layout file");
  for (const auto& flow : doc.flows)
    model::for_each_file_block(flow, [&](const model::Block& block) {
      in.add(block.src, "an image");
      if (block.chart && block.chart->data) in.add(block.chart->data->source, "a chart's data file");
    });
  for (const auto& [name, master] : layout.masters) {
    in.add(master.background_image, "an image");
    for (const auto& element : master.elements) in.add(element.src, "an image");
  }
  for (const auto& family : layout.fonts)
    for (const auto* face : {&family.regular, &family.bold, &family.italic, &family.bold_italic})
      in.add(*face, "a font file");
  in.add(layout.output.icc_profile, "the ICC profile");
  in.add(data, "the data file");
  return in;
}

std::string InputFiles::refuse(const std::string& output) const {
  struct stat st {};
  if (::stat(output.c_str(), &st) != 0) return {};
  auto it = roles_.find({st.st_dev, st.st_ino});
  if (it == roles_.end()) return {};
  return std::string(it->second) + " of this build; galley never writes over its input";
}

OutputNames::OutputNames(const std::string& output_template) {
  const size_t brace = output_template.find("{{");
  const size_t slash = output_template.rfind('/', brace);
  folder_ = slash == std::string::npos ? "" : output_template.substr(0, slash + 1);
  where_ = folder_.empty() ? "the current folder" : "the output folder '" + folder_ + "'";
  // The folder may not exist yet (it is made before writing): resolved
  // as far as it exists.
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(fs::absolute(folder_.empty() ? "." : folder_, ec), ec);
  if (!ec) base_ = base.string();
}

ConfinedName OutputNames::confine(const std::string& name) {
  ConfinedName out;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) {
      out.error = "output name '" + printable(name) + "' contains a control character";
      return out;
    }
  }
  const fs::path path(name);
  const bool names_a_file = !name.empty() && name.back() != '/' && path.filename() != "." && path.filename() != "..";
  std::optional<std::string> resolved;
  if (names_a_file && base_ && name.compare(0, folder_.size(), folder_) == 0) {
    struct stat st {};
    if (::lstat(name.c_str(), &st) == 0 ? S_ISLNK(st.st_mode) : errno != ENOENT) {
      // A symlink, or a path that cannot be looked at: resolved in full.
      resolved = load::inside_root(name, *base_);
    } else {
      const std::string parent = path.parent_path().string();
      auto it = parents_.find(parent);
      if (it == parents_.end()) {
        std::error_code ec;
        const fs::path folder = fs::weakly_canonical(fs::absolute(parent.empty() ? "." : parent, ec), ec);
        it = parents_.emplace(parent, ec ? std::string() : folder.string()).first;
      }
      if (!it->second.empty()) {
        std::string file = (fs::path(it->second) / path.filename()).string();
        if (base::resolved_inside(file, *base_)) resolved = std::move(file);
      }
    }
  }
  if (!resolved) {
    out.error = "output name '" + name + "' is not a file inside " + where_;
    return out;
  }
  out.path = name;
  out.key = *resolved;
  return out;
}

ConfinedName confine_output(const std::string& output_template, const std::string& name) {
  return OutputNames(output_template).confine(name);
}

}  // namespace galley::cli
