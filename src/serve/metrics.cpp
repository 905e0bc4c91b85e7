#include "detail/metrics.h"

#include <cstdio>

namespace galley::serve {

void Metrics::request(const std::string& tmpl, int status, double seconds, size_t bytes) {
  std::lock_guard lock(mutex_);
  ++requests_[{tmpl, status}];
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++latency_[b];
  latency_sum_ += seconds;
  ++latency_count_;
  bytes_ += bytes;
}

void Metrics::rejected(const std::string& reason) {
  std::lock_guard lock(mutex_);
  ++rejected_[reason];
}

std::string Metrics::text() const {
  std::string out;
  char line[256];
  auto add = [&](const char* fmt, auto... args) {
    std::snprintf(line, sizeof line, fmt, args...);
    out += line;
  };
  std::lock_guard lock(mutex_);
  out += "# HELP galley_requests_total HTTP requests answered, by template and status.\n"
         "# TYPE galley_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    add("galley_requests_total{template=\"%s\",status=\"%d\"} %llu\n", key.first.c_str(), key.second,
        static_cast<unsigned long long>(n));
  out += "# HELP galley_request_duration_seconds Time from a request's headers to its answer.\n"
         "# TYPE galley_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += latency_[b];
    add("galley_request_duration_seconds_bucket{le=\"%g\"} %llu\n", kBuckets[b],
        static_cast<unsigned long long>(cumulative));
  }
  cumulative += latency_[kBuckets.size()];
  add("galley_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n", static_cast<unsigned long long>(cumulative));
  add("galley_request_duration_seconds_sum %.6f\n", latency_sum_);
  add("galley_request_duration_seconds_count %llu\n", static_cast<unsigned long long>(latency_count_));
  out += "# HELP galley_pdfs_built_total PDFs built for requests.\n# TYPE galley_pdfs_built_total counter\n";
  add("galley_pdfs_built_total %llu\n", static_cast<unsigned long long>(pdfs_.load()));
  out += "# HELP galley_response_bytes_total Bytes of response bodies.\n# TYPE galley_response_bytes_total counter\n";
  add("galley_response_bytes_total %llu\n", static_cast<unsigned long long>(bytes_));
  out += "# HELP galley_in_flight_requests Requests being handled.\n# TYPE galley_in_flight_requests gauge\n";
  add("galley_in_flight_requests %d\n", in_flight.load());
  out += "# HELP galley_building Documents being built.\n# TYPE galley_building gauge\n";
  add("galley_building %d\n", building.load());
  out += "# HELP galley_rejected_total Requests and connections refused, by reason.\n"
         "# TYPE galley_rejected_total counter\n";
  for (const auto& [reason, n] : rejected_)
    add("galley_rejected_total{reason=\"%s\"} %llu\n", reason.c_str(), static_cast<unsigned long long>(n));
  out += "# HELP galley_template_reloads_total Template reloads after their files changed, by result.\n"
         "# TYPE galley_template_reloads_total counter\n";
  add("galley_template_reloads_total{result=\"ok\"} %llu\n", static_cast<unsigned long long>(reloads_ok_.load()));
  add("galley_template_reloads_total{result=\"failed\"} %llu\n",
      static_cast<unsigned long long>(reloads_failed_.load()));
  return out;
}

}  // namespace galley::serve
