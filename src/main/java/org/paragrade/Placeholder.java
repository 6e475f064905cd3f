package org.paragrade;
class Placeholder {}
