// Little-endian binary writing and bounds-checked reading of plain values, for the
// project's own binary formats (the search index, the font atlas handed between wasm
// instances). Every target is little-endian, so values are copied as they are.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace reader::io {

class ByteWriter {
public:
    std::vector<uint8_t> out;
    template <typename T>
    void put(T v) {
        static_assert(std::is_trivially_copyable_v<T>);
        put_bytes(&v, sizeof(T));
    }
    template <typename T>
    void put_array(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        put_bytes(v.data(), v.size() * sizeof(T));
    }
    void put_bytes(const void* p, size_t n) {
        const size_t at = out.size();
        out.resize(at + n);
        if (n) std::memcpy(out.data() + at, p, n);
    }
};

// Every get checks what is left first: false on truncation, nothing read.
class ByteReader {
public:
    ByteReader(const uint8_t* p, size_t n) : p_(p), end_(p + n) {}
    template <typename T>
    bool get(T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (left() < sizeof(T)) return false;
        std::memcpy(&v, p_, sizeof(T));
        p_ += sizeof(T);
        return true;
    }
    template <typename T>
    bool get_array(std::vector<T>& v, uint64_t n) {
        if (n > left() / sizeof(T)) return false;  // checked before allocating
        v.resize(size_t(n));
        if (n) std::memcpy(v.data(), p_, size_t(n) * sizeof(T));
        p_ += size_t(n) * sizeof(T);
        return true;
    }
    bool get_bytes(std::string& s, uint64_t n) {
        if (n > left()) return false;
        s.assign(reinterpret_cast<const char*>(p_), size_t(n));
        p_ += n;
        return true;
    }
    bool get_bytes(std::vector<uint8_t>& s, uint64_t n) { return get_array(s, n); }
    size_t left() const { return size_t(end_ - p_); }
    bool done() const { return p_ == end_; }

private:
    const uint8_t* p_;
    const uint8_t* end_;
};

}  // namespace reader::io
