package com.example.ordersaga.config.stack;

/**
 * One process {@code ./run.sh} starts: one line of {@code config/stack/processes}, whose header
 * explains each column.
 */
public record StackProcess(
    int stage,
    String name,
    String portVariable,
    int defaultPort,
    String readiness,
    String launch,
    String artifact) {}
