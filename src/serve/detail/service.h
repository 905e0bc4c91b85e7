// The HTTP API and pages of `galley serve` (docs/serve.md), on a Server.
#pragma once
#include <atomic>
#include <string>

#include "build_gate.h"
#include "catalog.h"
#include "connections.h"
#include "limits.h"
#include "metrics.h"

namespace galley::serve {

class Service {
 public:
  // `token` empty: no authorization asked.
  Service(Catalog& catalog, Metrics& metrics, const Limits& limits, std::string token);
  void install(Server& server);
  std::atomic<bool> draining{false};

 private:
  void build_pdf(const httplib::Request& req, const std::string& body, httplib::Response& res);
  bool authorized(const httplib::Request& req) const;
  void login(const httplib::Request& req, httplib::Response& res);
  httplib::Server::HandlerResponse before_routing(const httplib::Request& req, httplib::Response& res);
  std::string known_template(const httplib::Request& req) const;
  void count(const httplib::Request& req, const httplib::Response& res);
  void log(const httplib::Request& req, const httplib::Response& res);

  Catalog& catalog_;
  Metrics& metrics_;
  Limits limits_;
  std::string token_, cookie_value_;
  BuildGate gate_;
};

}  // namespace galley::serve
