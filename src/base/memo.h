// The memo every cache of galley uses, for work whose result depends only on
// its key (a file's identity, a glyph set, a profile's bytes, a QR code's
// data, a text's markup): the rows of a batch, on however many threads,
// share one computation of each. Thread-safe; a caller asking for a key
// another thread is computing waits for that result instead of computing it
// again. A key is made by one function per kind of input, next to the work
// it keys: with memo_key() (layout/detail/qr_codes.h,
// resolve/detail/markup_cache.h, text/detail/shape_cache.h,
// linebreak/detail/hyphenate.h, image/detail/file_stamp.h,
// layout/detail/measure.h), or from a file's identity
// (image/detail/file_stamp.h) in the PDF stage's memos.
//
// Only successes are kept. A caller meeting a failure, its own or one it
// waited for, computes again itself, so every caller reports its own errors
// exactly as an uncached call would.
#pragma once
#include <bit>
#include <concepts>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace galley::base {

// Parts of a memo_key(): a text is length-prefixed, a number is its eight
// bytes as they lie in memory (a fixed width needs no terminator, and a
// long report's keys hold millions of numbers, each a decimal conversion
// otherwise), so no two different lists of parts give the same key
// ("ab","c" is not "a","bc"; 1,23 is not 12,3).
inline void add_key_part(std::string& key, std::string_view text) {
  key += 's';
  key += std::to_string(text.size());
  key += ':';
  key += text;
}
namespace detail {
inline void add_key_bits(std::string& key, char kind, uint64_t bits) {
  char bytes[1 + sizeof bits];
  bytes[0] = kind;
  std::memcpy(bytes + 1, &bits, sizeof bits);
  key.append(bytes, sizeof bytes);
}
}  // namespace detail
// An integer by its value: 3 and 3L key alike; signed and unsigned apart.
template <std::integral Number>
void add_key_part(std::string& key, Number number) {
  detail::add_key_bits(key, std::is_signed_v<Number> ? 'i' : 'n', static_cast<uint64_t>(number));
}
// A real number by its bits: two values key alike only when they are the
// same double.
template <std::floating_point Number>
void add_key_part(std::string& key, Number number) {
  detail::add_key_bits(key, 'd', std::bit_cast<uint64_t>(static_cast<double>(number)));
}

// A list of texts: its length, then each (a style's OpenType features).
inline void add_key_part(std::string& key, const std::vector<std::string>& list) {
  add_key_part(key, list.size());
  for (const std::string& item : list) add_key_part(key, item);
}

// A key from every input of a result, the first part naming the kind of
// work.
template <class... Parts>
std::string memo_key(const Parts&... parts) {
  std::string key;
  (add_key_part(key, parts), ...);
  return key;
}

// `Value` has `size_t bytes() const`: what it holds, for the budget.
template <class Value>
class Memo {
 public:
  using Result = std::shared_ptr<const Value>;

  // When `second_sighting` holds, a key is kept only when it is asked for a
  // second time: a result asked for once (a batch row's or a request's own
  // line, most of a report's text) would fill the budget with what no one
  // asks for again, so memory would grow with the rows up to the budget.
  // The newest results asked for once are held on probation, up to
  // `probation_bytes` (and kMaxProbation of them): a text repeated soon
  // after (a report's sections that repeat, a paragraph measured in two
  // passes) is then kept from its first computation instead of computed
  // again, while memory grows by no more than that.
  explicit Memo(size_t budget_bytes, bool second_sighting = false, size_t probation_bytes = 0)
      : budget_(budget_bytes), second_sighting_(second_sighting), probation_budget_(probation_bytes) {}
  Memo(const Memo&) = delete;
  Memo& operator=(const Memo&) = delete;

  // The kept result for `key`, else `make()`'s (a null Result is a failure).
  // When the memo outgrows its budget the finished results are dropped:
  // memory stays bounded, and a dropped key is merely computed again.
  template <class Make>
  Result get(const std::string& key, Make&& make) {
    uint64_t ticket = 0;
    {
      std::unique_lock lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end()) {
        if (it->second.done) {
          Result r = it->second.result;
          lock.unlock();
          return r;
        }
        return wait_for(lock, key, it->second.ticket, make);
      }
      if (second_sighting_) {
        // A collision keeps a result a sighting early, no more: entries
        // are keyed by the whole key.
        const size_t hash = std::hash<std::string>{}(key);
        if (auto held = probation_.find(hash); held != probation_.end() && held->second.key == key) {
          Probation p = std::move(held->second);
          probation_.erase(held);
          probation_bytes_ -= p.cost;
          sightings_.erase(hash);
          auto it = entries_.emplace(key, Entry{p.result, ++tickets_, 0, true}).first;
          keep(it, p.cost);
          return p.result;
        }
        if (sightings_.size() >= kMaxSightings) sightings_.clear();
        if (sightings_.insert(hash).second) {
          lock.unlock();
          Result r = make();
          if (r) hold(hash, key, r);
          return r;
        }
        sightings_.erase(hash);
      }
      ticket = ++tickets_;
      entries_.emplace(key, Entry{nullptr, ticket, 0, false});
    }
    Result r;
    try {
      r = make();
    } catch (...) {
      finish(key, ticket, nullptr);
      throw;
    }
    finish(key, ticket, r);
    return r;
  }

  // Whether a result for `key` is kept or being made: a caller deciding
  // whether work is worth spreading over threads.
  bool holds(const std::string& key) {
    std::lock_guard lock(mutex_);
    return entries_.count(key) != 0;
  }

  // Drops `key`'s result if it is finished (one being made stays): for a
  // caller that knows the key will not be asked for again.
  void drop(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || !it->second.done) return;
    bytes_ -= it->second.cost;
    entries_.erase(it);
  }

 private:
  // A result being made is handed over in its entry, under the memo's
  // lock, rather than through a std::promise: a promise's set_value() runs
  // std::call_once, and glibc's pthread_once makes a futex system call
  // every time, waiter or not (a handout's build made 14 of them). Waiters
  // are woken through one condition variable, which makes no system call
  // when no one waits.
  struct Entry {
    Result result;
    uint64_t ticket;  // tells this computation's entry from a later one's
    size_t cost;      // what it counts against the budget once done
    bool done;
  };

  // Waits for the computation `ticket` of `key`; a failure, or a result
  // dropped before this caller woke, is computed again here.
  template <class Make>
  Result wait_for(std::unique_lock<std::mutex>& lock, const std::string& key, uint64_t ticket, Make& make) {
    ++waiting_;
    for (;;) {
      finished_.wait(lock);
      auto it = entries_.find(key);
      if (it == entries_.end() || it->second.ticket != ticket) break;
      if (it->second.done) {
        Result r = it->second.result;
        --waiting_;
        lock.unlock();
        return r;
      }
    }
    --waiting_;
    lock.unlock();
    return make();
  }

  // The computation `ticket` of `key` is over: a success is kept (within
  // the budget), a failure forgotten, and whoever waits is woken.
  void finish(const std::string& key, uint64_t ticket, const Result& r) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.ticket == ticket) {
      if (!r) {
        entries_.erase(it);
      } else {
        it->second.result = r;
        it->second.done = true;
        keep(it, key.size() + r->bytes());
      }
    }
    if (waiting_ > 0) finished_.notify_all();
  }

  // A result asked for once, on probation; the oldest make room.
  void hold(size_t hash, const std::string& key, const Result& r) {
    const size_t cost = key.size() + r->bytes();
    if (cost > probation_budget_) return;
    std::lock_guard lock(mutex_);
    auto [it, added] = probation_.try_emplace(hash);
    if (!added) probation_bytes_ -= it->second.cost;  // a collision: the newer one is held
    it->second = Probation{key, r, cost};
    probation_bytes_ += cost;
    probation_order_.push_back(hash);
    while (probation_bytes_ > probation_budget_ || probation_order_.size() > kMaxProbation) {
      // A hash whose result was kept or replaced since may still be queued:
      // dropping what it names now is early, never wrong.
      const auto oldest = probation_.find(probation_order_.front());
      probation_order_.pop_front();
      if (oldest == probation_.end()) continue;
      probation_bytes_ -= oldest->second.cost;
      probation_.erase(oldest);
    }
  }

  using Entries = std::unordered_map<std::string, Entry>;

  // Counts the finished entry `it` against the budget, with the lock held;
  // when the budget is full the other finished results go.
  void keep(typename Entries::iterator it, size_t cost) {
    if (cost > budget_) {
      entries_.erase(it);
      return;
    }
    if (bytes_ + cost > budget_) {
      for (auto e = entries_.begin(); e != entries_.end();) {
        if (e != it && e->second.done) {
          e = entries_.erase(e);
        } else {
          ++e;
        }
      }
      bytes_ = 0;
    }
    it->second.cost = cost;
    bytes_ += cost;
  }

  std::mutex mutex_;
  std::condition_variable finished_;
  size_t waiting_ = 0;  // callers in wait_for()
  // Looked up only, never iterated for output: its order cannot reach a PDF.
  Entries entries_;
  uint64_t tickets_ = 0;
  size_t bytes_ = 0;
  const size_t budget_;
  // Hashes of keys asked for once and not kept; 8 bytes each, forgotten
  // when full.
  static constexpr size_t kMaxSightings = size_t{1} << 16;
  const bool second_sighting_;
  std::unordered_set<size_t> sightings_;
  // Results asked for once, by their key's hash, and the hashes in the
  // order they came (looked up only: the order of the map cannot reach a
  // PDF).
  struct Probation {
    std::string key;
    Result result;
    size_t cost = 0;
  };
  static constexpr size_t kMaxProbation = 1024;
  const size_t probation_budget_;
  size_t probation_bytes_ = 0;
  std::unordered_map<size_t, Probation> probation_;
  std::deque<size_t> probation_order_;
};

}  // namespace galley::base
