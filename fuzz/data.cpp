// The batch data reader: any bytes as a CSV file (even first byte) or a
// YAML file (odd), the rest of the bytes being the file.
#include "detail/data_file.h"
#include "support.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* name = data[0] % 2 == 0 ? "rows.csv" : "rows.yaml";
  Diagnostics diags;
  cli::read_data(fuzz::write_scratch(name, data + 1, size - 1), diags);
  return 0;
}
