// Counters for GET /metrics, in the Prometheus text format.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace galley::serve {

class Metrics {
 public:
  // One answered request; `tmpl` is a known template id or "".
  void request(const std::string& tmpl, int status, double seconds, size_t bytes);
  void pdf_built() { ++pdfs_; }
  void rejected(const std::string& reason);
  void reload(bool ok) { ++(ok ? reloads_ok_ : reloads_failed_); }

  std::atomic<int> in_flight{0};  // requests being handled
  std::atomic<int> building{0};   // documents being built

  std::string text() const;

 private:
  static constexpr std::array<double, 13> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                   0.25,  0.5,    1,     2.5,  5,     10};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size() + 1> latency_{};
  double latency_sum_ = 0;
  uint64_t latency_count_ = 0;
  uint64_t bytes_ = 0;
  std::map<std::string, uint64_t> rejected_;
  std::atomic<uint64_t> pdfs_{0}, reloads_ok_{0}, reloads_failed_{0};
};

}  // namespace galley::serve
