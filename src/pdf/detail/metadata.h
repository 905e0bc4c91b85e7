// Document information, XMP metadata, dates and the file identifier, all
// derived from the display list (and SOURCE_DATE_EPOCH), never the clock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "value.h"

namespace galley::pdf {

struct DocDate {
  std::string pdf;  // D:YYYYMMDDHHmmSSZ
  std::string xmp;  // YYYY-MM-DDTHH:mm:ssZ
};

// meta.date (YYYY-MM-DD, optionally with THH:MM[:SS] and Z) wins, then the
// SOURCE_DATE_EPOCH value (seconds, may be null); nullopt when neither is
// given. A malformed value is a warning and is ignored.
std::optional<DocDate> document_date(const layout::Metadata& meta, const char* source_date_epoch,
                                     Diagnostics& diags);

// 16 bytes for /ID and the XMP UUIDs, from the display list's source_hash.
std::string document_id(const std::string& source_hash);
// The same from the two FNV-1a states document_id() would reach over some
// other basis (a list without a source hash: its page contents, hashed as
// they are written).
std::string document_id(uint64_t h0, uint64_t h1);
// `uuid:xxxxxxxx-xxxx-...` from 16 bytes.
std::string uuid_of(const std::string& id);

Dict info_dict(const layout::Metadata& meta, const std::optional<DocDate>& date, bool pdfx);
// `pdf_ua` adds pdfuaid:part 1; `pdf_a` ("2a", "2b", "2u") pdfaid:part and
// conformance, and the PDF/A extension schemas that declare the pdfxid and
// pdfuaid properties (PDF/A accepts only declared properties).
std::string xmp_packet(const layout::Metadata& meta, const std::optional<DocDate>& date,
                       const std::string& id, bool pdfx, bool pdf_ua = false,
                       const std::string& pdf_a = "");

}  // namespace galley::pdf
