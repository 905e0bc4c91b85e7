// Where galley may write: never over a file the build reads, and a batch
// never outside its output template's folder, whatever the data says.
#pragma once
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline.h"

namespace galley::cli {

// The files one build reads, known by device and inode so that `./x`,
// `../dir/x`, hard links and symlinks to an input are all recognised.
class InputFiles {
 public:
  // The session's descriptors, images, fonts and ICC profile, and `data`
  // (the batch's data file) when not empty. Before build_once, which empties
  // the document.
  static InputFiles of(const Session& session, const std::string& data = "");

  // Empty when `output` is none of them (or does not exist yet), else the
  // reason to refuse it, such as "the content file of this build; ...".
  std::string refuse(const std::string& output) const;

 private:
  void add(const std::string& path, const char* role);
  std::map<std::pair<dev_t, ino_t>, const char*> roles_;
};

// A batch output name checked against its template's folder.
struct ConfinedName {
  std::string path;   // the name as written, when ok
  std::string key;    // the absolute path after symlinks, to find clashes
  std::string error;  // why the name is refused, or empty
};

// Checks batch output names made from one `output_template`: their folder
// is the template's up to the last '/' before the first "{{" (the current
// folder when there is none), and a name must resolve, after `.`, `..` and
// symlinks, to a file inside it. Control characters are refused too.
// The template's folder and each folder the names are in are resolved
// once: resolving a name's path anew cost a batch seven readlink(2) calls
// a row. A name is then looked at once (lstat), and only a symlink's
// target is resolved in full.
class OutputNames {
 public:
  explicit OutputNames(const std::string& output_template);
  ConfinedName confine(const std::string& name);

 private:
  std::string folder_;  // as written, with its last '/'
  std::string where_;   // the folder, for messages
  std::optional<std::string> base_;  // resolved; nullopt when it cannot be
  std::map<std::string, std::string> parents_;  // a name's folder as written, resolved
};

// One name, for a template whose other names are not checked.
ConfinedName confine_output(const std::string& output_template, const std::string& name);

}  // namespace galley::cli
