package io.perfflow.org;

public record Group(String id, String name, String headId) {}
