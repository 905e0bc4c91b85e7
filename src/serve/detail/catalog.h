// The templates being served: each loaded, validated and built once at
// start, kept warm, and replaced atomically when its files change. A
// request holds the template it started with (a shared_ptr), so a reload
// never changes a document half way.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli.h"
#include "config.h"
#include "limits.h"

namespace galley::serve {

struct Template {
  TemplateSpec spec;  // variables with the content's defaults
  cli::Session session;
  std::map<std::string, std::string> stamps;  // file -> identity when loaded
  // What decides an answer's bytes besides its variables, hashed at load:
  // the bytes of every file the template read and of its build with the
  // defaults (which the program's version shows in). With the variables it
  // makes the ETag, so no answer is hashed whole (docs/serve.md).
  std::string digest;
};

// The digest of Template: `pdf`, the build with the defaults, and the
// contents of `files`.
std::string template_digest(const std::string& pdf, const std::map<std::string, std::string>& files);

// Opens the template's files, checks its variables against the content,
// and builds it once with the defaults (which also warms the caches); any
// error, or more than `max_pages` pages, is reported with file:line.
std::shared_ptr<const Template> load_template(const TemplateSpec& spec, const Limits& limits, Diagnostics& diags);

// stat(2) identity of a file (device, inode, size, times), "" if missing.
std::string file_identity(const std::string& path);

class Catalog {
 public:
  // Loads every template; false if any failed (all are reported).
  bool load(std::vector<TemplateSpec> specs, const Limits& limits, Diagnostics& diags);

  // The serve.yaml the templates came from, stamped before it was read:
  // refresh() reads it again when it changes.
  void watch_config(std::string path, std::string stamp);

  std::shared_ptr<const Template> find(std::string_view id) const;
  std::vector<std::shared_ptr<const Template>> all() const;

  struct Refresh {
    int reloaded = 0, failed = 0;
  };
  // Reloads the templates whose files changed since they (or a failed
  // attempt) were read. A failure keeps the old template serving and is
  // listed by problems() until a later version loads. A changed serve.yaml
  // replaces the whole list at once, or, if it or any new template has an
  // error, changes nothing.
  Refresh refresh();

  // "id: file:line:col: error: message" per failed reload, paths shortened
  // to file names.
  std::vector<std::string> problems() const;

 private:
  bool replace(std::vector<TemplateSpec> specs, Diagnostics& diags);

  struct Entry {
    TemplateSpec spec;
    std::shared_ptr<const Template> live;
    std::map<std::string, std::string> failed_stamps;  // files as the failed attempt saw them
    std::vector<std::string> problems;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
  Limits limits_;
  std::string config_path_, config_stamp_;
  std::vector<std::string> config_problems_;
};

// `text` with every path-like word cut to its last component, so messages
// sent to clients name files without revealing where they are.
std::string without_paths(std::string_view text);

}  // namespace galley::serve
