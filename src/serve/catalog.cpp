#include "detail/catalog.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "base/memo.h"

#include "cli/cli.h"
#include "resolve/resolve.h"
#include "detail/values.h"

namespace galley::serve {
namespace {

// Fills in each variable's default from the content, or, when the template
// lists none, offers all of the content's variables as strings.
void bind_variables(TemplateSpec& spec, const model::Document& doc, const Limits& limits, Diagnostics& diags) {
  if (spec.all_variables) {
    spec.variables.clear();
    for (const auto& [name, text] : doc.variables) {
      VariableSpec v;
      v.name = name;
      v.label = name;
      v.max_length = limits.max_value_length;
      v.default_value = text.value;
      v.loc = text.loc;
      spec.variables.push_back(std::move(v));
    }
  }
  for (auto& v : spec.variables) {
    auto it = doc.variables.find(v.name);
    if (it == doc.variables.end()) {
      diags.error(v.loc, "'" + v.name + "' is not one of the content's variables");
      continue;
    }
    v.default_value = it->second.value;
    if (auto why = check_value(v, v.default_value); !why.empty())
      diags.error(it->second.loc, "the default of '" + v.name + "' " + why);
  }
  if (!spec.slug.empty() && doc.variables.find(spec.slug) == doc.variables.end())
    diags.error(spec.loc, "the slug '" + spec.slug + "' is not one of the content's variables");
}

}  // namespace

std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) + ':' + std::to_string(st.st_size) + ':' +
         std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec) + ':' +
         std::to_string(st.st_ctim.tv_sec) + '.' + std::to_string(st.st_ctim.tv_nsec);
}

std::shared_ptr<const Template> load_template(const TemplateSpec& spec, const Limits& limits, Diagnostics& diags) {
  load::Options confine;
  if (auto root = load::root_folder(spec.root)) {
    confine.root = *root;
  } else {
    diags.error(spec.loc, "the template's root folder '" + spec.root + "' does not exist");
    return nullptr;
  }
  // The descriptors are stamped before reading, so an edit made while
  // loading is seen next time; what they name, as soon as it is known.
  std::map<std::string, std::string> stamps;
  for (const auto& file : cli::input_files(spec.content, spec.layout, nullptr, nullptr))
    stamps[file] = file_identity(file);
  auto session = cli::Session::open(spec.content, spec.layout, true, diags, confine);
  if (!session) {
    for (const auto& d : diags.all())
      if (d.message.find("outside the root folder") != std::string::npos) {
        diags.note(spec.loc, "the template's root folder is " + confine.root +
                                 "; 'root:' in serve.yaml or --root widens it");
        break;
      }
    return nullptr;
  }
  const std::string layout_path = spec.layout.empty() ? session->doc.layout_path : spec.layout;
  for (const auto& file : cli::input_files(spec.content, layout_path, &session->doc, &session->layout))
    if (!stamps.count(file)) stamps[file] = file_identity(file);

  TemplateSpec bound = spec;
  bind_variables(bound, session->doc, limits, diags);
  if (diags.has_errors()) return nullptr;

  cli::Overrides defaults;
  cli::BuildOptions opts;
  opts.reuse = true;  // requests then copy what no variable reaches from this build
  auto result = cli::build(*session, resolve::make_variables(session->doc, defaults), opts, diags);
  if (!result.pdf || diags.has_errors()) return nullptr;
  const auto pages = result.pages;
  if (pages > static_cast<size_t>(limits.max_pages)) {
    diags.error({spec.content, 0, 0}, "the template has " + std::to_string(pages) + " pages, more than --max-pages " +
                                          std::to_string(limits.max_pages));
    return nullptr;
  }
  std::string digest = template_digest(*result.pdf, stamps);
  return std::make_shared<const Template>(
      Template{std::move(bound), std::move(*session), std::move(stamps), std::move(digest)});
}

std::string template_digest(const std::string& pdf, const std::map<std::string, std::string>& files) {
  std::string key;
  base::add_key_part(key, std::hash<std::string_view>{}(pdf));
  base::add_key_part(key, pdf.size());
  // By content, not identity: replicas with copies of the same files give
  // the same tags.
  for (const auto& [file, stamp] : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    base::add_key_part(key, std::hash<std::string_view>{}(bytes));
    base::add_key_part(key, bytes.size());
  }
  return key;
}

bool Catalog::load(std::vector<TemplateSpec> specs, const Limits& limits, Diagnostics& diags) {
  limits_ = limits;
  bool ok = true;
  std::vector<Entry> loaded;
  for (auto& spec : specs) {
    auto t = load_template(spec, limits, diags);
    ok = ok && t != nullptr;
    loaded.push_back({std::move(spec), std::move(t), {}, {}});
  }
  std::lock_guard lock(mutex_);
  entries_ = std::move(loaded);
  return ok;
}

std::shared_ptr<const Template> Catalog::find(std::string_view id) const {
  std::lock_guard lock(mutex_);
  for (const auto& e : entries_)
    if (e.spec.id == id) return e.live;
  return nullptr;
}

std::vector<std::shared_ptr<const Template>> Catalog::all() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<const Template>> out;
  for (const auto& e : entries_) out.push_back(e.live);
  return out;
}

void Catalog::watch_config(std::string path, std::string stamp) {
  std::lock_guard lock(mutex_);
  config_path_ = std::move(path);
  config_stamp_ = std::move(stamp);
}

bool Catalog::replace(std::vector<TemplateSpec> specs, Diagnostics& diags) {
  std::vector<Entry> next;
  for (auto& spec : specs) {
    std::shared_ptr<const Template> live;
    {
      std::lock_guard lock(mutex_);
      for (const auto& e : entries_)
        if (e.problems.empty() && same_spec(e.spec, spec)) live = e.live;
    }
    // Loading runs without the lock: requests keep being served meanwhile.
    if (!live) live = load_template(spec, limits_, diags);
    next.push_back({std::move(spec), std::move(live), {}, {}});
  }
  if (diags.has_errors()) return false;
  std::lock_guard lock(mutex_);
  entries_ = std::move(next);
  return true;
}

namespace {

std::vector<std::string> errors_of(const Diagnostics& diags, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& d : diags.all())
    if (d.severity == Severity::Error) out.push_back(prefix + without_paths(format(d)));
  return out;
}

}  // namespace

Catalog::Refresh Catalog::refresh() {
  Refresh counts;
  std::string config;
  {
    std::lock_guard lock(mutex_);
    if (!config_path_.empty()) {
      std::string stamp = file_identity(config_path_);
      if (stamp != config_stamp_) {
        config_stamp_ = std::move(stamp);
        config = config_path_;
      }
    }
  }
  if (!config.empty()) {
    Diagnostics diags;
    auto specs = read_config(config, limits_, diags);
    const bool replaced = specs && replace(std::move(*specs), diags);
    std::lock_guard lock(mutex_);
    config_problems_ = errors_of(diags, "serve configuration: ");
    ++(replaced ? counts.reloaded : counts.failed);
    if (replaced) return counts;
  }
  std::vector<size_t> changed;
  {
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < entries_.size(); ++i) {
      const auto& seen = entries_[i].problems.empty() ? entries_[i].live->stamps : entries_[i].failed_stamps;
      for (const auto& [file, stamp] : seen)
        if (file_identity(file) != stamp) {
          changed.push_back(i);
          break;
        }
    }
  }
  // Loading runs without the lock: requests keep being served meanwhile.
  for (size_t i : changed) {
    TemplateSpec spec;
    {
      std::lock_guard lock(mutex_);
      spec = entries_[i].spec;
    }
    std::map<std::string, std::string> stamps;
    for (const auto& [file, stamp] : entries_[i].live->stamps) stamps[file] = file_identity(file);
    Diagnostics diags;
    auto fresh = load_template(spec, limits_, diags);
    std::lock_guard lock(mutex_);
    Entry& e = entries_[i];
    if (fresh) {
      e.live = std::move(fresh);
      e.problems.clear();
      e.failed_stamps.clear();
      ++counts.reloaded;
    } else {
      e.failed_stamps = std::move(stamps);
      e.problems = errors_of(diags, e.spec.id + ": ");
      ++counts.failed;
    }
  }
  return counts;
}

std::vector<std::string> Catalog::problems() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out = config_problems_;
  for (const auto& e : entries_) out.insert(out.end(), e.problems.begin(), e.problems.end());
  return out;
}

std::string without_paths(std::string_view text) {
  std::string out;
  size_t word_start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool boundary = i == text.size() || text[i] == ' ' || text[i] == '\'' || text[i] == '"' || text[i] == '\n';
    if (!boundary) continue;
    std::string_view word = text.substr(word_start, i - word_start);
    if (auto slash = word.rfind('/'); slash != std::string_view::npos) word.remove_prefix(slash + 1);
    out += word;
    if (i < text.size()) out += text[i];
    word_start = i + 1;
  }
  return out;
}

}  // namespace galley::serve
