// The limits `galley serve` enforces, each with a flag (docs/serve.md): what
// one request may send and take, and how much of the machine all of them
// together may hold.
#pragma once
#include <cstddef>
#include <string>

namespace galley::serve {

struct Limits {
  size_t max_body = 64 * 1024;     // request body bytes (413 beyond)
  size_t max_value_length = 200;   // characters of a variable without its own max_length
  double deadline = 10;            // seconds from a request's headers to its answer (504 beyond)
  int max_pages = 50;              // pages of one document (422 beyond)
  int builds = 0;                  // documents built at once; 0: one per core
  int queue = 32;                  // requests waiting for a build (503 beyond)
  int workers = 64;                // connections served at once
  int pending = 256;               // accepted connections waiting for a worker (503 beyond)
  double read_timeout = 10;        // seconds to receive a whole request, headers and body
  double write_timeout = 10;       // seconds a client may take to read each part of the answer
  double idle_timeout = 5;         // seconds a kept-alive connection may wait for its next request
  int keep_alive_requests = 100;   // requests on one connection
  double reload_interval = 1;      // seconds between checks of the templates' files; 0: never
};

struct ServeArgs {
  std::string content, layout, config, token_file, slug, root;
  std::string host = "127.0.0.1";
  int port = 8080;
  Limits limits;
};

}  // namespace galley::serve
