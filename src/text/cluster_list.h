// A run's clusters, kept small: a long report holds one per glyph on every
// page until the PDF is written.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <vector>

namespace galley::text {

// Source text of a group of glyphs: the unit of /ToUnicode and /ActualText.
// The text is a byte range of its run's `text`, so a run of a hundred
// clusters holds one string, not a hundred.
struct Cluster {
  uint32_t glyph_begin = 0;  // index into the run's glyphs
  uint32_t glyph_count = 0;  // 0 when the text maps to no glyph
  uint32_t text_begin = 0;   // byte range in the run's text
  uint32_t text_size = 0;

  bool operator==(const Cluster&) const = default;
};

// Nearly every cluster of a run starts where the one before it ended, in
// glyphs and in text, and spans fewer than 256 of each: such a run keeps
// each cluster as its two counts, 2 bytes instead of 16. A run where one
// does not (right to left: glyphs in visual order, text in logical order;
// a cluster of 256 glyphs or bytes) keeps every cluster whole.
// Read in order (range-for); operator[] walks from the start.
class ClusterList {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Cluster;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Cluster;

    iterator() = default;
    Cluster operator*() const {
      if (!list_->packed_) return list_->whole_[i_];
      return {glyph_, list_->counts_[2 * i_], text_, list_->counts_[2 * i_ + 1]};
    }
    iterator& operator++() {
      if (list_->packed_) {
        glyph_ += list_->counts_[2 * i_];
        text_ += list_->counts_[2 * i_ + 1];
      }
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator was = *this;
      ++*this;
      return was;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }

   private:
    friend class ClusterList;
    iterator(const ClusterList* list, size_t i) : list_(list), i_(i) {}
    const ClusterList* list_ = nullptr;
    size_t i_ = 0;
    uint32_t glyph_ = 0, text_ = 0;  // packed: where cluster i_ starts
  };

  ClusterList() = default;
  ClusterList(std::initializer_list<Cluster> clusters) {
    for (const Cluster& c : clusters) push_back(c);
  }

  void push_back(const Cluster& c) {
    if (packed_ && c.glyph_begin == next_glyph_ && c.text_begin == next_text_ && c.glyph_count < 256 &&
        c.text_size < 256) {
      counts_.push_back(static_cast<uint8_t>(c.glyph_count));
      counts_.push_back(static_cast<uint8_t>(c.text_size));
      next_glyph_ += c.glyph_count;
      next_text_ += c.text_size;
      return;
    }
    if (packed_) unpack();
    whole_.push_back(c);
  }
  void reserve(size_t n) {
    if (packed_) counts_.reserve(2 * n); else whole_.reserve(n);
  }

  size_t size() const { return packed_ ? counts_.size() / 2 : whole_.size(); }
  bool empty() const { return size() == 0; }
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }
  Cluster operator[](size_t i) const {
    auto it = begin();
    std::advance(it, static_cast<std::ptrdiff_t>(i));
    return *it;
  }
  Cluster front() const { return (*this)[0]; }
  Cluster back() const { return (*this)[size() - 1]; }
  std::vector<Cluster> unpacked() const { return std::vector<Cluster>(begin(), end()); }
  // Heap bytes held, for memo budgets.
  size_t bytes() const { return counts_.capacity() + whole_.capacity() * sizeof(Cluster); }

 private:
  void unpack() {
    whole_ = unpacked();
    std::vector<uint8_t>().swap(counts_);
    packed_ = false;
  }

  bool packed_ = true;
  std::vector<uint8_t> counts_;  // packed: glyph count, text size, per cluster
  std::vector<Cluster> whole_;   // otherwise
  uint32_t next_glyph_ = 0, next_text_ = 0;  // packed: where the next cluster must start
};

}  // namespace galley::text
