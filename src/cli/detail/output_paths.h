// Where galley may write: never over a file the build reads, and a batch
// never outside its output template's folder, whatever the data says.
#pragma once
#include <sys/types.h>

#include <map>
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

// Checks a batch output `name` made from `output_template`: its folder is
// the template's up to the last '/' before the first "{{" (the current
// folder when there is none), and the name must resolve, after `.`, `..`
// and symlinks, to a file inside it. Control characters are refused too.
ConfinedName confine_output(const std::string& output_template, const std::string& name);

}  // namespace galley::cli
