// What one build measures of itself for `--stats`: wall time per stage,
// counts of events, and structured figures a stage defines (line-breaking
// quality). Nothing here reaches the PDF.
//
// The caller of a build (the command line) makes a Figures and installs it
// with a FiguresScope for the build's duration; the stages only time and
// count themselves (ScopedTimer, count(), add_figures()), so no stage's
// signature carries a timings or statistics pointer. With no Figures
// installed they record nothing and read no clock. The scope is per thread:
// work handed to another thread takes current_figures() along and installs
// it there.
#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>

namespace galley::base {

class Figures {
 public:
  Figures() = default;
  Figures(Figures&& other) noexcept {
    std::lock_guard lock(other.mutex_);
    seconds_ = std::move(other.seconds_);
    counts_ = std::move(other.counts_);
    parts_ = std::move(other.parts_);
  }

  void add_seconds(std::string_view name, double seconds) {
    std::lock_guard lock(mutex_);
    entry(seconds_, name) += seconds;
  }
  void add_count(std::string_view name, long n) {
    std::lock_guard lock(mutex_);
    entry(counts_, name) += n;
  }
  // A stage's own figures type T, summed with T::add(const T&).
  template <class T>
  void add(const T& figures) {
    std::lock_guard lock(mutex_);
    auto& slot = parts_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<Part<T>>();
    static_cast<Part<T>&>(*slot).value.add(figures);
  }

  // Adds every time and count of `other` (a part of the work recorded on
  // its own, e.g. on another thread) to these.
  void absorb(const Figures& other) {
    std::scoped_lock lock(mutex_, other.mutex_);
    for (const auto& [name, s] : other.seconds_) entry(seconds_, name) += s;
    for (const auto& [name, n] : other.counts_) entry(counts_, name) += n;
  }

  double seconds(std::string_view name) const {
    std::lock_guard lock(mutex_);
    auto it = seconds_.find(name);
    return it == seconds_.end() ? 0 : it->second;
  }
  long count(std::string_view name) const {
    std::lock_guard lock(mutex_);
    auto it = counts_.find(name);
    return it == counts_.end() ? 0 : it->second;
  }
  template <class T>
  T get() const {
    std::lock_guard lock(mutex_);
    auto it = parts_.find(std::type_index(typeid(T)));
    return it == parts_.end() ? T{} : static_cast<const Part<T>&>(*it->second).value;
  }

 private:
  struct PartBase {
    virtual ~PartBase() = default;
  };
  template <class T>
  struct Part : PartBase {
    T value;
  };
  template <class V>
  static V& entry(std::map<std::string, V, std::less<>>& map, std::string_view name) {
    auto it = map.find(name);
    if (it == map.end()) it = map.emplace(std::string(name), V{}).first;
    return it->second;
  }

  mutable std::mutex mutex_;
  std::map<std::string, double, std::less<>> seconds_;
  std::map<std::string, long, std::less<>> counts_;
  std::map<std::type_index, std::shared_ptr<PartBase>> parts_;
};

namespace detail {
inline Figures*& current_figures_slot() {
  thread_local Figures* current = nullptr;
  return current;
}
}  // namespace detail

// The Figures of the build running on this thread, or null.
inline Figures* current_figures() { return detail::current_figures_slot(); }

// Installs `figures` (may be null: record nothing) on this thread until the
// end of the scope, then restores what was there.
class FiguresScope {
 public:
  explicit FiguresScope(Figures* figures) : previous_(detail::current_figures_slot()) {
    detail::current_figures_slot() = figures;
  }
  ~FiguresScope() { detail::current_figures_slot() = previous_; }
  FiguresScope(const FiguresScope&) = delete;
  FiguresScope& operator=(const FiguresScope&) = delete;

 private:
  Figures* previous_;
};

// Adds the wall time of its scope to the time `name` (a string literal) of
// the current Figures.
class ScopedTimer {
 public:
  explicit ScopedTimer(std::string_view name) : figures_(current_figures()), name_(name) {
    if (figures_) start_ = std::chrono::steady_clock::now();
  }
  ~ScopedTimer() {
    if (figures_)
      figures_->add_seconds(name_, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  Figures* figures_;
  std::string_view name_;
  std::chrono::steady_clock::time_point start_;
};

inline void count(std::string_view name, long n = 1) {
  if (Figures* f = current_figures()) f->add_count(name, n);
}

template <class T>
void add_figures(const T& figures) {
  if (Figures* f = current_figures()) f->add(figures);
}

}  // namespace galley::base
